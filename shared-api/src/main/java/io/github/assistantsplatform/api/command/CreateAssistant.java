package io.github.assistantsplatform.api.command;

import io.github.assistantsplatform.model.AssistantSettings;

import java.util.UUID;

public record CreateAssistant(UUID assistantId, AssistantSettings settings) implements AssistantCommand {}
