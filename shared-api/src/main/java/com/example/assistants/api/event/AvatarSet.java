package com.example.assistants.api.event;

import com.example.assistants.api.assistant.Avatar;

import java.util.UUID;

public record AvatarSet(UUID assistantId, Avatar avatar) implements AssistantEvent {
}
