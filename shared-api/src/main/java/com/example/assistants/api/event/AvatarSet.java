package com.example.assistants.api.event;

import com.example.assistants.api.assistant.Avatar;

import java.util.UUID;

/** @param replacedObjectKey the object of the avatar this one replaces (no longer referenced), null if there was none */
public record AvatarSet(UUID assistantId, Avatar avatar, String replacedObjectKey) implements AssistantEvent {
}
