package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.history.AssistantHistory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * What one event makes of a stored state, idempotently: an event the state already reflects changes
 * nothing (redelivery, replay), the next one is folded in, and after a gap the state is folded again
 * from the event store, so no event is ever skipped. {@link ProjectionBatch} writes the result.
 */
@Component
public class ReadModelUpdater {

    private final AssistantHistory history;

    ReadModelUpdater(AssistantHistory history) {
        this.history = history;
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
        return Optional.of(history.stateAtSequence(event.assistantId(), sequence)
                .orElseThrow(() -> new IllegalStateException(
                        "Event " + sequence + " of assistant " + event.assistantId() + " is not in the event store")));
    }
}
