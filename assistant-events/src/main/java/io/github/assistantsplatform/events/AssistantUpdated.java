package io.github.assistantsplatform.events;

import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * @param changes a JSON merge patch (RFC 7396) over the settings: only the fields that changed, with their
 *                new values, {@code null} for one that was cleared; never empty
 */
@EventRevision("1")
public record AssistantUpdated(UUID assistantId, ObjectNode changes) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.updated(this);
    }
}
