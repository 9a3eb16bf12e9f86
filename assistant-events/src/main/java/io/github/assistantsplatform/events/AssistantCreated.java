package io.github.assistantsplatform.events;

import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * @param settings every setting the assistant was created with, defaults filled in, in the settings' JSON
 *                 names (see docs/events.md); revision 2 added {@code is_vectorized}
 */
@EventRevision("2")
public record AssistantCreated(UUID assistantId, ObjectNode settings) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.created(this);
    }
}
