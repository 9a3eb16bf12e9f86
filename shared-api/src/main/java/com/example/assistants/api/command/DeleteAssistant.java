package com.example.assistants.api.command;

import java.util.UUID;

public record DeleteAssistant(UUID assistantId) implements AssistantCommand {
}
