package io.github.assistantsplatform.events;

import java.util.UUID;

/** @param objectKey the object that is no longer referenced, for the clean-up consumer */
@EventRevision("1")
public record AvatarRemoved(UUID assistantId, String objectKey) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.avatarRemoved(this);
    }
}
