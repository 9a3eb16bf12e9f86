package com.example.assistants.api.command;

import com.example.assistants.api.assistant.AssistantUpdate;

import java.util.UUID;

/** @param expectedVersion the version the caller last saw (If-Match), or null to update whatever is current */
public record UpdateAssistant(UUID assistantId, AssistantUpdate changes, Long expectedVersion) implements AssistantCommand {
}
