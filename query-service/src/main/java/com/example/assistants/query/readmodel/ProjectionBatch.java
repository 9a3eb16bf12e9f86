package com.example.assistants.query.readmodel;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.api.event.AssistantEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The projection's work on one batch of events (one unit of work of its tracking processor): each
 * assistant is read once, its events are folded in memory, and the results are written together
 * when the batch commits. A catch-up on ten events per assistant costs one read and a share of one
 * bulk write per assistant instead of ten reads and ten writes: the live projection caught up on a
 * million events at ~500 events/s with a read and a write per event on the MongoDB-compatible server.
 * Every write stays conditional on the version it was derived from; if another writer (a rebuild's
 * catch-up) came first, the batch's events are applied again one by one, which is idempotent.
 */
final class ProjectionBatch {

    private final AssistantStore store;
    private final ReadModelUpdater updater;
    private final Map<UUID, Assistant> assistants = new LinkedHashMap<>();

    ProjectionBatch(AssistantStore store, ReadModelUpdater updater) {
        this.store = store;
        this.updater = updater;
    }

    void apply(AssistantEvent event, long sequence, Instant at) {
        Assistant assistant = assistants.get(event.assistantId());
        if (assistant == null) {
            AssistantState stored = MongoRetry.untilAvailable("reading assistant " + event.assistantId(),
                    () -> store.find(event.assistantId())).orElse(null);
            assistant = new Assistant(stored);
            assistants.put(event.assistantId(), assistant);
        }
        Assistant folding = assistant;
        updater.next(assistant.state, event, sequence, at).ifPresent(next -> folding.state = next);
        // recorded once folded: an event that failed to fold is dead-lettered, not applied again
        assistant.events.add(new Applied(event, sequence, at));
    }

    /** Writes what the batch changed; returns how many assistants had to be applied again one event at a time. */
    int flush() {
        List<Assistant> changed = assistants.values().stream().filter(Assistant::changed).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        List<AssistantStore.ConditionalWrite> writes = changed.stream()
                .map(assistant -> new AssistantStore.ConditionalWrite(assistant.state, assistant.storedVersion()))
                .toList();
        if (MongoRetry.untilAvailable("writing " + writes.size() + " assistants", () -> store.saveAllIfUnchanged(writes))) {
            return 0;
        }
        for (Assistant assistant : changed) {
            for (Applied applied : assistant.events) {
                MongoRetry.untilAvailable("projecting event " + applied.sequence() + " of assistant "
                        + applied.event().assistantId(), () -> updater.apply(store, applied.event(), applied.sequence(), applied.at()));
            }
        }
        return changed.size();
    }

    private record Applied(AssistantEvent event, long sequence, Instant at) {
    }

    private static final class Assistant {

        private final AssistantState stored;
        private AssistantState state;
        private final List<Applied> events = new ArrayList<>();

        private Assistant(AssistantState stored) {
            this.stored = stored;
            this.state = stored;
        }

        private boolean changed() {
            return state != stored;
        }

        private Long storedVersion() {
            return stored == null ? null : stored.version();
        }
    }
}
