package com.example.assistants.query.readmodel;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.api.event.AssistantEvent;
import com.example.assistants.query.history.AssistantHistory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Applies one event to a read model collection, idempotently: an event the document already
 * reflects changes nothing (redelivery, replay), the next one is folded in, and after a gap the
 * state is folded again from the event store, so no event is ever skipped. Safe with concurrent
 * writers (the live projection and a rebuild's catch-up): every write is conditional on the
 * version it was derived from.
 */
@Component
public class ReadModelUpdater {

    private final AssistantHistory history;

    ReadModelUpdater(AssistantHistory history) {
        this.history = history;
    }

    public void apply(AssistantStore store, AssistantEvent event, long sequence, Instant at) {
        while (true) {
            Optional<AssistantState> current = store.find(event.assistantId());
            Optional<AssistantState> next = next(current.orElse(null), event, sequence, at);
            if (next.isEmpty() || store.save(next.get(), current.map(AssistantState::version).orElse(null))) {
                return;
            }
        }
    }

    /** The state after {@code event}; empty when {@code current} already reflects it. */
    public Optional<AssistantState> next(AssistantState current, AssistantEvent event, long sequence, Instant at) {
        long known = current == null ? -1 : current.version();
        if (sequence <= known) {
            return Optional.empty();
        }
        if (sequence == known + 1) {
            return Optional.of(AssistantState.fold(current, event, sequence, at));
        }
        return Optional.of(history.stateAtSequence(event.assistantId(), sequence).orElseThrow(() -> new IllegalStateException(
                "Event " + sequence + " of assistant " + event.assistantId() + " is not in the event store")));
    }
}
