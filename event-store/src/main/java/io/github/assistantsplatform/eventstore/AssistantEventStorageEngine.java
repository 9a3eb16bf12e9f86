package io.github.assistantsplatform.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JPA storage engine, with two differences.
 *
 * <p>Every event is appended with its link in its stream's hash chain in its metadata ({@link StreamLinks}),
 * unless {@code assistants.event-store.chain} is off.
 *
 * <p>A tailing read ({@code mayBlock}) ends after {@code readAhead} events. The only tailing reader is
 * {@code EmbeddedEventStore}'s producer, which keeps the node that was newest when its read began in a
 * local variable for as long as the read lasts; over a backlog of a million events that pins every event
 * read since, and both services ran out of heap catching up (a heap dump held 278,101 live nodes,
 * referenced by nothing but each other and that variable). An ended read costs one more query per 1,000
 * events: the producer starts the next one at once when the last one found events.
 */
final class AssistantEventStorageEngine extends JpaEventStorageEngine {

    private final int readAhead;
    private final StreamLinks links;

    AssistantEventStorageEngine(Builder builder, int readAhead, StreamLinks links) {
        super(builder);
        this.readAhead = readAhead;
        this.links = links;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = super.readEvents(trackingToken, mayBlock);
        return mayBlock ? events.limit(readAhead) : events;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(
                links == null
                        ? events
                        : links.linked(
                                events.stream()
                                        .map(JpaEventStorageEngine::asDomainEventMessage)
                                        .toList(),
                                serializer,
                                entityManager()),
                serializer);
    }
}
