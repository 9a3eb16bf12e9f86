package com.example.assistants.api.event;

import java.util.UUID;

public record AssistantDeleted(UUID assistantId) implements AssistantEvent {
}
