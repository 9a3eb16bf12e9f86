package com.example.assistants.api.event;

import com.example.assistants.api.assistant.AssistantSettings;

import java.util.UUID;

public record AssistantCreated(UUID assistantId, AssistantSettings settings) implements AssistantEvent {
}
