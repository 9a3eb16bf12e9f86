package com.example.assistants.api.command;

import com.example.assistants.events.Avatar;

import java.util.UUID;

public record SetAvatar(UUID assistantId, Avatar avatar) implements AssistantCommand {
}
