package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.audit.StoredEvent;
import jakarta.persistence.EntityManager;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links each appended event to the one before it in its stream: its metadata gains the hash of its link
 * ({@link StoredEvent#HASH}) and its payload's digest, computed over the bytes it is stored with. The
 * previous link is read from the previous row, in the appending transaction (two appends of the same
 * sequence cannot both commit, so the row read is the one the new event follows). A stream whose previous
 * row was stored before the chain existed is folded from its first row, once: from then on its rows carry
 * their links.
 */
final class StreamLinks {

    List<EventMessage<?>> linked(
            List<? extends DomainEventMessage<?>> events, Serializer serializer, EntityManager entityManager) {
        Map<String, String> lastLinks = new HashMap<>();
        List<EventMessage<?>> linked = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            StoredEvent stored = StoredEvent.fromRow(
                    -1,
                    event.getType(),
                    event.getAggregateIdentifier(),
                    event.getSequenceNumber(),
                    event.getIdentifier(),
                    DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(),
                    payload.getType().getRevision(),
                    payload.getData(),
                    event.serializeMetaData(serializer, byte[].class).getData());
            String previous = event.getSequenceNumber() == 0
                    ? StoredEvent.GENESIS
                    : lastLinks.computeIfAbsent(
                            event.getAggregateIdentifier(),
                            aggregate -> previousLink(entityManager, aggregate, event.getSequenceNumber() - 1));
            String digest = stored.payloadDigest();
            String link = stored.linkHash(previous, digest);
            lastLinks.put(event.getAggregateIdentifier(), link);
            linked.add(event.andMetaData(Map.of(StoredEvent.HASH, link, StoredEvent.PAYLOAD_DIGEST, digest)));
        }
        return linked;
    }

    private static String previousLink(EntityManager entityManager, String aggregate, long sequence) {
        return entityManager
                .unwrap(Session.class)
                .doReturningWork(connection -> EventTable.link(connection, aggregate, sequence));
    }
}
