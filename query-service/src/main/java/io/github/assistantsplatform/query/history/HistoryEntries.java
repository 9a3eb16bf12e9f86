package io.github.assistantsplatform.query.history;

import io.github.assistantsplatform.api.assistant.AssistantHistoryEntry;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.EventMetadata;
import io.github.assistantsplatform.events.SemanticCachePurged;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Map;

/** The entries of the history and of the audit log: who did what, when, in which request, and what it set. */
public final class HistoryEntries {

    private HistoryEntries() {}

    /** An assistant's event as its history shows it. */
    public static AssistantHistoryEntry of(DomainEventMessage<?> event) {
        AssistantEvent payload = (AssistantEvent) event.getPayload();
        return new AssistantHistoryEntry(
                event.getSequenceNumber(),
                AssistantEvent.typeName(payload.getClass()),
                event.getTimestamp(),
                (String) event.getMetaData().get(EventMetadata.ACTOR),
                (String) event.getMetaData().get(EventMetadata.REQUEST_ID),
                (String) event.getMetaData().get(EventMetadata.CORRELATION_ID),
                payload.accept(CHANGES));
    }

    /** What each event set, as the history shows it. */
    private static final AssistantEvent.Visitor<Object> CHANGES = new AssistantEvent.Visitor<>() {
        @Override
        public Object created(AssistantCreated event) {
            return event.settings();
        }

        @Override
        public Object updated(AssistantUpdated event) {
            return event.changes();
        }

        @Override
        public Object deleted(AssistantDeleted event) {
            return Map.of();
        }

        @Override
        public Object avatarSet(AvatarSet event) {
            return event.avatar();
        }

        @Override
        public Object avatarRemoved(AvatarRemoved event) {
            return Map.of("object_key", event.objectKey());
        }

        @Override
        public Object cachePurged(SemanticCachePurged event) {
            return Map.of("deleted_count", event.deletedCount());
        }
    };
}
