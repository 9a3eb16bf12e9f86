package io.github.assistantsplatform.events;

import java.util.UUID;

/** @param replacedObjectKey the object of the avatar this one replaces (no longer referenced), null if there was none */
@EventRevision("1")
public record AvatarSet(UUID assistantId, Avatar avatar, String replacedObjectKey) implements AssistantEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.avatarSet(this);
    }
}
