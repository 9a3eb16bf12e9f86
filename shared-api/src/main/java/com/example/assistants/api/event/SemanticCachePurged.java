package com.example.assistants.api.event;

import java.util.UUID;

public record SemanticCachePurged(UUID assistantId, long deletedCount) implements AssistantEvent {
}
