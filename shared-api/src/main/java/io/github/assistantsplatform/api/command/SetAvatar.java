package io.github.assistantsplatform.api.command;

import io.github.assistantsplatform.events.Avatar;

import java.util.UUID;

public record SetAvatar(UUID assistantId, Avatar avatar) implements AssistantCommand {}
