package com.example.assistants.api.event;

import com.example.assistants.api.assistant.AssistantUpdate;

import java.util.UUID;

/** @param changes only the fields that changed, with their new values; never empty */
public record AssistantUpdated(UUID assistantId, AssistantUpdate changes) implements AssistantEvent {
}
