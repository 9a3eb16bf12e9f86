package io.github.assistantsplatform.api.command;

import java.util.UUID;

public record DeleteAssistant(UUID assistantId) implements AssistantCommand {}
