package com.example.assistants.api.event;

import java.util.UUID;

/** Something that happened to one assistant; its id is the aggregate id and the Kafka record key. */
public sealed interface AssistantEvent
        permits AssistantCreated, AssistantUpdated, AssistantDeleted, AvatarSet, AvatarRemoved, SemanticCachePurged {
    UUID assistantId();
}
