package io.github.assistantsplatform.query.rebuild;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.query.audit.AuditLog;
import io.github.assistantsplatform.query.readmodel.AssistantStore;
import io.github.assistantsplatform.query.readmodel.ProjectionBatch;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import io.github.assistantsplatform.query.readmodel.ReadModelUpdater;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds the read model from the first event without ever serving a half-built one: the events
 * are replayed into a fresh collection while reads and the live projection keep using the active
 * one; then the fresh collection becomes the active one in one step, and once every replica follows
 * it, the events that arrived meanwhile are applied to it (the projection's rule makes applying one
 * twice harmless). One rebuild runs at a time across replicas ({@link ClusterRebuild}).
 */
@Service
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int BATCH = 1000;

    private final ReadModel readModel;
    private final ReadModelUpdater updater;
    private final EventStorageEngine storageEngine;
    private final EventStore eventStore;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-drop");
        thread.setDaemon(true);
        return thread;
    });
    private final ClusterRebuild cluster;
    /** Written by the replay too (each event under its id, so the live projection writing it as well changes nothing). */
    private final AuditLog auditLog;
    /** This replica's rebuild as it goes; the cluster's record is written from it. */
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.IDLE);

    ReadModelRebuild(
            ReadModel readModel,
            ReadModelUpdater updater,
            EventStorageEngine storageEngine,
            EventStore eventStore,
            ClusterRebuild cluster,
            AuditLog auditLog,
            MeterRegistry meters) {
        this.readModel = readModel;
        this.auditLog = auditLog;
        this.updater = updater;
        this.storageEngine = storageEngine;
        this.eventStore = eventStore;
        this.cluster = cluster;
        this.clock = Clock.systemUTC();
        // this replica's rebuild (the one running it shows it; the others show 0 running)
        Gauge.builder(
                        "assistants.read_model.rebuild.running",
                        progress,
                        running -> running.get().state() == RebuildProgress.State.RUNNING ? 1 : 0)
                .description("1 while this replica rebuilds the read model")
                .register(meters);
        Gauge.builder(
                        "assistants.read_model.rebuild.events.replayed",
                        progress,
                        done -> done.get().eventsDone())
                .description("events the current or last rebuild of this replica has replayed")
                .register(meters);
        Gauge.builder(
                        "assistants.read_model.rebuild.target_position",
                        progress,
                        target -> target.get().headPosition())
                .description("the event store's position the current or last rebuild of this replica replays up to")
                .register(meters);
    }

    /** The current or last rebuild of any replica. */
    public RebuildProgress progress() {
        return cluster.current();
    }

    /** Starts a rebuild in the background; refused while one runs on any replica. */
    public synchronized RebuildProgress start() {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        RebuildProgress started = new RebuildProgress(
                RebuildProgress.State.RUNNING,
                ReadModel.REBUILT_PREFIX + clock.millis(),
                0,
                head,
                clock.instant(),
                null,
                null);
        if (!cluster.claim(started)) {
            throw new RebuildAlreadyRunningException(cluster.current());
        }
        progress.set(started);
        worker.submit(() -> run(started));
        return started;
    }

    private void run(RebuildProgress started) {
        log.info("Rebuilding the read model into {} up to position {}", started.collection(), started.headPosition());
        try {
            readModel.dropInactive();
            AssistantStore target = readModel.newCollection(started.collection());
            TrackingToken last = replay(target, started);
            String replaced = readModel.switchTo(target);
            // once every replica reads the pointer again, no projection batch writes into the replaced collection:
            // what the catch-up reads from then on is every event that may have gone there
            Thread.sleep(ReadModel.FOLLOW_INTERVAL.multipliedBy(2).toMillis());
            catchUp(target, last);
            RebuildProgress done = progress.get();
            record(new RebuildProgress(
                    RebuildProgress.State.COMPLETED,
                    done.collection(),
                    done.eventsDone(),
                    done.headPosition(),
                    done.startedAt(),
                    clock.instant(),
                    null));
            log.info("Read model rebuilt: {} events into {}", done.eventsDone(), done.collection());
            dropper.schedule(
                    () -> readModel.dropReplaced(replaced), ReadModel.DROP_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            RebuildProgress failed = progress.get();
            try {
                record(new RebuildProgress(
                        RebuildProgress.State.FAILED,
                        failed.collection(),
                        failed.eventsDone(),
                        failed.headPosition(),
                        failed.startedAt(),
                        clock.instant(),
                        e.getClass().getSimpleName()));
            } catch (RuntimeException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            log.error("Read model rebuild failed; the previous read model stays active", e);
        }
    }

    private void record(RebuildProgress next) {
        progress.set(next);
        cluster.record(next);
    }

    /**
     * Replays every event up to the head into {@code target}, a batch at a time; returns the last event's
     * token. Reading (and deserializing) the events and folding and writing them run on two threads: in
     * one thread, reading was about half of the rebuild's time and the writes waited for it.
     */
    private TrackingToken replay(AssistantStore target, RebuildProgress started) throws Exception {
        BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(2);
        Future<TrackingToken> reading = reader.submit(() -> read(started, batches));
        try {
            for (List<TrackedEventMessage<?>> batch = batches.take(); !batch.isEmpty(); batch = batches.take()) {
                foldInto(target, batch);
            }
            return reading.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            reading.cancel(true);
        }
    }

    /** Reads the events up to the head into batches, their payloads deserialized; an empty batch ends them. */
    private TrackingToken read(RebuildProgress started, BlockingQueue<List<TrackedEventMessage<?>>> batches)
            throws InterruptedException {
        TrackingToken last = null;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (event.trackingToken().position().orElse(0) > started.headPosition()) {
                    break;
                }
                event.getPayload();
                batch.add(event);
                last = event.trackingToken();
                if (batch.size() == BATCH) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } finally {
            if (!batch.isEmpty()) {
                batches.put(batch);
            }
            batches.put(List.of());
        }
        return last;
    }

    /** Folds a batch into the fresh collection: one read of the states it touches, one bulk write of the results. */
    private void foldInto(AssistantStore target, List<TrackedEventMessage<?>> batch) {
        ProjectionBatch folding = new ProjectionBatch(target, updater, ProjectionBatch.WritePolicy.FRESH_COLLECTION);
        folding.prefetch(batch.stream()
                .filter(event -> event.getPayload() instanceof AssistantEvent)
                .map(event -> ((AssistantEvent) event.getPayload()).assistantId())
                .toList());
        batch.forEach(event -> apply(folding, (DomainEventMessage<?>) event));
        folding.flush();
        auditLog.record(
                batch.stream().map(event -> (DomainEventMessage<?>) event).toList(),
                batch.stream()
                        .map(event -> event.trackingToken().position().orElseThrow())
                        .toList());
        advance(batch.size());
    }

    /**
     * Applies what was appended after the replay's last event to the (now active) rebuilt model, which the
     * live projection writes too.
     */
    private void catchUp(AssistantStore target, TrackingToken last) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(last, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                batch.add((DomainEventMessage<?>) iterator.next());
                if (batch.size() == BATCH || !iterator.hasNext()) {
                    ProjectionBatch folding =
                            new ProjectionBatch(target, updater, ProjectionBatch.WritePolicy.CONDITIONAL);
                    batch.forEach(event -> apply(folding, event));
                    folding.flush();
                    advance(batch.size());
                    batch.clear();
                }
            }
        }
    }

    /** An assistant's event; the store's other events (the audit's anchors) are passed over. */
    private static void apply(ProjectionBatch batch, DomainEventMessage<?> event) {
        if (event.getPayload() instanceof AssistantEvent assistantEvent) {
            batch.apply(assistantEvent, event.getSequenceNumber(), event.getTimestamp());
        }
    }

    /** Counts {@code events} more done, and tells the other replicas (which is also this replica's sign of life). */
    private void advance(long events) {
        RebuildProgress now = progress.get();
        record(new RebuildProgress(
                RebuildProgress.State.RUNNING,
                now.collection(),
                now.eventsDone() + events,
                now.headPosition(),
                now.startedAt(),
                null,
                null));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        reader.shutdownNow();
        dropper.shutdownNow();
    }
}
