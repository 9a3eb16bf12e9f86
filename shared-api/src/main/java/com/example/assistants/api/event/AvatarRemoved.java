package com.example.assistants.api.event;

import java.util.UUID;

/** @param objectKey the object that is no longer referenced, for the clean-up consumer */
public record AvatarRemoved(UUID assistantId, String objectKey) implements AssistantEvent {
}
