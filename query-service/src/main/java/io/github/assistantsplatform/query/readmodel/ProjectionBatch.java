package io.github.assistantsplatform.query.readmodel;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one way events are written into a read-model collection, for the live projection and the rebuild
 * alike: each assistant of a batch is read once, its events are folded in memory, and the results are
 * written together in one bulk write. A catch-up on ten events per assistant costs one read and a share
 * of one bulk write per assistant instead of ten reads and ten writes: the live projection caught up on a
 * million events at ~500 events/s with a read and a write per event on the MongoDB-compatible server.
 * How it writes is its {@link WritePolicy}.
 */
public final class ProjectionBatch {

    /** How a batch writes what it folded. */
    public enum WritePolicy {
        /**
         * Into a collection others write too (the live projection's replicas, a rebuild's catch-up): every
         * write is conditional on the version it was derived from, and an assistant another writer changed
         * first has its events applied again one by one (idempotent). MongoDB outages are waited out.
         */
        CONDITIONAL,
        /** Into a fresh collection nobody else writes (a rebuild's replay): inserted or replaced as read. */
        FRESH_COLLECTION
    }

    private final AssistantStore store;
    private final ReadModelUpdater updater;
    private final WritePolicy policy;
    private final Map<UUID, Assistant> assistants = new LinkedHashMap<>();

    public ProjectionBatch(AssistantStore store, ReadModelUpdater updater, WritePolicy policy) {
        this.store = store;
        this.updater = updater;
        this.policy = policy;
    }

    /** Reads the stored states of {@code ids} in one query, for a batch whose events are known up front. */
    public void prefetch(Collection<UUID> ids) {
        List<UUID> missing = ids.stream()
                .filter(id -> !assistants.containsKey(id))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            Map<UUID, AssistantState> stored =
                    call("reading " + missing.size() + " assistants", () -> store.findAll(missing));
            missing.forEach(id -> assistants.put(id, new Assistant(stored.get(id))));
        }
    }

    public void apply(AssistantEvent event, long sequence, Instant at) {
        Assistant assistant = assistants.get(event.assistantId());
        if (assistant == null) {
            AssistantState stored = call(
                            "reading assistant " + event.assistantId(), () -> store.find(event.assistantId()))
                    .orElse(null);
            assistant = new Assistant(stored);
            assistants.put(event.assistantId(), assistant);
        }
        Assistant folding = assistant;
        updater.next(assistant.state, event, sequence, at).ifPresent(next -> folding.state = next);
        // recorded once folded: an event that failed to fold is dead-lettered, not applied again
        assistant.events.add(new Applied(event, sequence, at));
    }

    /** Writes what the batch changed; returns how many assistants had to be applied again one event at a time. */
    public int flush() {
        List<Assistant> changed =
                assistants.values().stream().filter(Assistant::changed).toList();
        if (changed.isEmpty()) {
            return 0;
        }
        if (policy == WritePolicy.FRESH_COLLECTION) {
            Set<UUID> stored = changed.stream()
                    .filter(assistant -> assistant.stored != null)
                    .map(assistant -> assistant.stored.id())
                    .collect(Collectors.toSet());
            store.saveAll(changed.stream().map(assistant -> assistant.state).toList(), stored);
            return 0;
        }
        List<AssistantStore.ConditionalWrite> writes = changed.stream()
                .map(assistant -> new AssistantStore.ConditionalWrite(assistant.state, assistant.storedVersion()))
                .toList();
        if (call("writing " + writes.size() + " assistants", () -> store.saveAllIfUnchanged(writes))) {
            return 0;
        }
        for (Assistant assistant : changed) {
            for (Applied applied : assistant.events) {
                call(
                        "projecting event " + applied.sequence() + " of assistant "
                                + applied.event().assistantId(),
                        () -> applyAgain(applied));
            }
        }
        return changed.size();
    }

    /** The path of a write that lost a race: the event applied on its own, read and written until it holds. */
    private boolean applyAgain(Applied applied) {
        while (true) {
            AssistantState current = store.find(applied.event().assistantId()).orElse(null);
            var next = updater.next(current, applied.event(), applied.sequence(), applied.at());
            if (next.isEmpty() || store.save(next.get(), current == null ? null : current.version())) {
                return true;
            }
        }
    }

    private <T> T call(String what, Supplier<T> call) {
        return policy == WritePolicy.CONDITIONAL ? MongoRetry.untilAvailable(what, call) : call.get();
    }

    private record Applied(AssistantEvent event, long sequence, Instant at) {}

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
