package com.example.assistants.api.command;

import com.example.assistants.model.AssistantSettings;

import java.util.UUID;

public record CreateAssistant(UUID assistantId, AssistantSettings settings) implements AssistantCommand {
}
