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

    AssistantHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<DomainEventMessage<?>> events(UUID assistantId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(assistantId.toString()).forEachRemaining(events::add);
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

    private Optional<AssistantState> fold(UUID assistantId, Predicate<DomainEventMessage<?>> included) {
        AssistantState state = null;
        DomainEventStream stream = eventStore.readEvents(assistantId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (!included.test(event)) {
                break;
            }
            state = AssistantState.fold(
                    state, (AssistantEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
        }
        return Optional.ofNullable(state);
    }
}
