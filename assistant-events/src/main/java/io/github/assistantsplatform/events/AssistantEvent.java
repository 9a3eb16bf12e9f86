package io.github.assistantsplatform.events;

import java.util.UUID;

/**
 * Something that happened to one assistant; its id is the aggregate id and the Kafka record key. Each
 * consumer handles every type through a {@link Visitor}: a new type does not compile until every
 * consumer says what it does with it.
 */
public sealed interface AssistantEvent
        permits AssistantCreated, AssistantUpdated, AssistantDeleted, AvatarSet, AvatarRemoved, SemanticCachePurged {

    UUID assistantId();

    <R> R accept(Visitor<R> visitor);

    /** What a consumer does with each type of event. */
    interface Visitor<R> {
        R created(AssistantCreated event);

        R updated(AssistantUpdated event);

        R deleted(AssistantDeleted event);

        R avatarSet(AvatarSet event);

        R avatarRemoved(AvatarRemoved event);

        R cachePurged(SemanticCachePurged event);
    }

    /** The stored and published name of an event type: the record's simple name, whatever its package. */
    static String typeName(Class<? extends AssistantEvent> type) {
        return type.getSimpleName();
    }
}
