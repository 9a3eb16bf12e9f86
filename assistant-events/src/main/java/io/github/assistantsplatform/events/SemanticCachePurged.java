package io.github.assistantsplatform.events;

import java.util.UUID;

@EventRevision("1")
public record SemanticCachePurged(UUID assistantId, long deletedCount) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.cachePurged(this);
    }
}
