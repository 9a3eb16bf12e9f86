package com.example.assistants.api.command;

import java.util.UUID;

public record RemoveAvatar(UUID assistantId) implements AssistantCommand {
}
