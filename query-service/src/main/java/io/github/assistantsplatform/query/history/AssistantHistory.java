package io.github.assistantsplatform.query.history;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** An assistant's past as the event store tells it: every event, and the state at any point. */
@Component
public class AssistantHistory {

    private final EventStore eventStore;
    private final AssistantSnapshots snapshots;

    AssistantHistory(EventStore eventStore, AssistantSnapshots snapshots) {
        this.eventStore = eventStore;
        this.snapshots = snapshots;
    }

    /** How many events the assistant has (none when it never existed). */
    public long count(UUID assistantId) {
        return eventStore
                .lastSequenceNumberFor(assistantId.toString())
                .map(last -> last + 1)
                .orElse(0L);
    }

    /** At most {@code count} of its events, oldest first, from the one numbered {@code first}. */
    public List<DomainEventMessage<?>> events(UUID assistantId, long first, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = events(assistantId, first);
        while (stream.hasNext() && events.size() < count) {
            events.add(stream.next());
        }
        return events;
    }

    /** The state as it was at {@code instant}: empty if the assistant did not exist yet. */
    public Optional<AssistantState> stateAt(UUID assistantId, Instant instant) {
        return fold(assistantId, event -> !event.getTimestamp().isAfter(instant));
    }

    /** The state after the event numbered {@code sequence}. */
    public Optional<AssistantState> stateAtSequence(UUID assistantId, long sequence) {
        return fold(assistantId, event -> event.getSequenceNumber() <= sequence);
    }

    /**
     * The state after the events {@code included} takes, a prefix of the stream: from the latest snapshot when
     * it takes the event the snapshot ends with, so that the cost does not grow with the history.
     */
    private Optional<AssistantState> fold(UUID assistantId, Predicate<DomainEventMessage<?>> included) {
        Optional<AssistantSnapshots.Snapshot> snapshot = snapshots.latest(assistantId);
        if (snapshot.isPresent()) {
            DomainEventStream stream = events(assistantId, snapshot.get().sequence());
            if (stream.hasNext()) {
                DomainEventMessage<?> last = stream.next();
                if (last.getSequenceNumber() == snapshot.get().sequence() && included.test(last)) {
                    return Optional.of(foldOn(snapshot.get().state(), stream, included));
                }
            }
        }
        return Optional.ofNullable(foldOn(null, events(assistantId, 0), included));
    }

    private static AssistantState foldOn(
            AssistantState state, DomainEventStream stream, Predicate<DomainEventMessage<?>> included) {
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!included.test(event)) {
                break;
            }
            state = AssistantState.fold(
                    state, (AssistantEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return state;
    }

    /**
     * The events from the one numbered {@code first}: never a snapshot, which the event store's reading from
     * the start would put first (command-service snapshots long histories; the history is the events).
     */
    private DomainEventStream events(UUID assistantId, long first) {
        return eventStore.readEvents(assistantId.toString(), first);
    }
}
