package io.github.assistantsplatform.events;

import java.util.UUID;

@EventRevision("1")
public record AssistantDeleted(UUID assistantId) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.deleted(this);
    }
}
