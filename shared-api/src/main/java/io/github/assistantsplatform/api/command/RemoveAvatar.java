package io.github.assistantsplatform.api.command;

import java.util.UUID;

public record RemoveAvatar(UUID assistantId) implements AssistantCommand {}
