package io.github.assistantsplatform.avatar.view;

import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.support.kafka.AssistantEventConsumer;
import io.github.assistantsplatform.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What avatar-service knows of the assistants (which exist, which are private, which avatar they
 * show), folded from the Kafka topic with the same {@link AssistantState#fold} as everywhere: at
 * start it reads the latest snapshot of the view ({@link ViewSnapshotStore}, which the replicas
 * write every {@code assistants.avatars.view-snapshot-interval} once caught up) and the topic
 * from the snapshot's offsets on, or the whole topic when there is no usable snapshot (the topic
 * keeps every event); then it follows it. It is not ready, and the service not healthy, until it
 * has read what was there at start.
 */
@Component
public class AssistantsView extends AssistantEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(AssistantsView.class);

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    private final Map<UUID, AssistantState> assistants = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> readUpTo = new ConcurrentHashMap<>();
    private final ViewSnapshotStore snapshots;
    private final Duration snapshotInterval;
    private final AtomicLong recordsRead = new AtomicLong();
    private volatile Instant newestEventTime = Instant.EPOCH;
    private volatile boolean ready;
    private volatile Instant startedFromSnapshot;
    private long lastSnapshotNanos = System.nanoTime();
    private volatile Map<TopicPartition, Long> lastSnapshotOffsets = Map.of();
    /** Serializes and uploads a snapshot, so that the view goes on following meanwhile; one at a time. */
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "assistants-view-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicBoolean snapshotInFlight = new AtomicBoolean();

    AssistantsView(
            @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${assistants.kafka.topic}") String topic,
            ViewSnapshotStore snapshots,
            @Value("${assistants.avatars.view-snapshot-interval}") Duration snapshotInterval) {
        // a position the broker no longer recognises (after its restart, say) is read again from the start:
        // the consumer's default, the end, skipped events and left assistants without their creation
        super(
                "assistants-view",
                bootstrapServers,
                topic,
                Map.of(
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        1000,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"));
        this.snapshots = snapshots;
        this.snapshotInterval = snapshotInterval;
    }

    /** The assistant, if it exists and is not deleted. */
    public Optional<AssistantState> find(UUID id) {
        return Optional.ofNullable(assistants.get(id)).filter(state -> !state.deleted());
    }

    /**
     * The assistant's state once this view has folded at least event {@code sequence} (deleted
     * ones included); empty if it has not within {@code timeout}.
     */
    public Optional<AssistantState> awaitSequence(UUID id, long sequence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            AssistantState state = assistants.get(id);
            if (state != null && state.version() >= sequence) {
                return Optional.of(state);
            }
            pause(20);
        }
        return Optional.empty();
    }

    public boolean isReady() {
        return ready;
    }

    /** Records read from the topic since this replica started. */
    public long recordsRead() {
        return recordsRead.get();
    }

    /** When the snapshot this view started from was taken; empty when it read the topic from the beginning. */
    public Optional<Instant> startedFromSnapshot() {
        return Optional.ofNullable(startedFromSnapshot);
    }

    /** Whether the assistant, deleted or not, shows the object {@code key} now. */
    public boolean shows(UUID assistantId, String key) {
        AssistantState state = assistants.get(assistantId);
        return state != null
                && !state.deleted()
                && state.avatar() != null
                && state.avatar().objectKey().equals(key);
    }

    /** When the newest event this view has read happened: every event published before it is in the view too. */
    public Instant newestEventTime() {
        return newestEventTime;
    }

    /** Whether this view has read the topic up to {@code ends} (an offset per partition, as Kafka's end offsets). */
    public boolean hasRead(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || readUpTo.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    @Override
    public Health health() {
        Health following = super.health();
        if (!Status.UP.equals(following.getStatus())) {
            return following;
        }
        Health.Builder health = ready
                ? Health.up().withDetail("assistants", assistants.size())
                : Health.down().withDetail("reason", "still reading " + topic);
        return health.withDetail("records_read", recordsRead.get())
                .withDetail(
                        "started_from_snapshot", startedFromSnapshot == null ? "none" : startedFromSnapshot.toString())
                .build();
    }

    @Override
    protected void follow(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = awaitPartitions(consumer);
        consumer.assign(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        startFrom(consumer, partitions, endAtStart);
        while (following()) {
            ConsumerRecords<String, byte[]> records = poll(consumer, Duration.ofMillis(200));
            recordsRead.addAndGet(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                read(record).ifPresent(event -> traced(record, () -> fold(event)));
            }
            partitions.forEach(partition -> readUpTo.put(partition, consumer.position(partition)));
            if (!ready
                    && endAtStart.entrySet().stream()
                            .allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                ready = true;
                log.info("Assistants view ready: {} assistants, {} records read", assistants.size(), recordsRead.get());
            }
            if (ready && System.nanoTime() - lastSnapshotNanos > snapshotInterval.toNanos()) {
                snapshot();
            }
        }
    }

    /**
     * Seeks to the latest snapshot's offsets with its states folded in, or to the beginning when there
     * is none, it cannot be read, or it is of another topic (offsets beyond the end: the topic was made anew).
     */
    private void startFrom(
            KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        Optional<ViewSnapshot> latest;
        try {
            latest = snapshots
                    .read()
                    .map(bytes -> JSON.readValue(bytes, ViewSnapshot.class))
                    .filter(snapshot -> snapshot.format() == ViewSnapshot.FORMAT && topic.equals(snapshot.topic()))
                    .filter(snapshot -> partitions.stream()
                            .allMatch(partition ->
                                    snapshot.offsets().getOrDefault(partition.partition(), 0L) <= ends.get(partition)));
        } catch (RuntimeException unreadable) {
            log.warn(
                    "The assistants view's snapshot could not be read; reading {} from the beginning: {}",
                    topic,
                    unreadable.toString());
            latest = Optional.empty();
        }
        if (latest.isEmpty()) {
            consumer.seekToBeginning(partitions);
            return;
        }
        ViewSnapshot snapshot = latest.get();
        // a state this view already holds may be newer than the snapshot's (a consumer created anew)
        snapshot.assistants()
                .forEach(state -> assistants.merge(
                        state.id(), state, (held, stored) -> held.version() >= stored.version() ? held : stored));
        if (snapshot.newestEventTime().isAfter(newestEventTime)) {
            newestEventTime = snapshot.newestEventTime();
        }
        partitions.forEach(
                partition -> consumer.seek(partition, snapshot.offsets().getOrDefault(partition.partition(), 0L)));
        startedFromSnapshot = snapshot.takenAt();
        log.info(
                "Assistants view starts from the snapshot of {} ({} assistants) at offsets {}",
                snapshot.takenAt(),
                snapshot.assistants().size(),
                snapshot.offsets());
    }

    /**
     * Writes the view as of the positions read so far, if they moved since the last snapshot. The states
     * and the offsets are copied on this thread, the only one that folds, so that they agree; the upload
     * runs on another, and a failure is logged and tried again at the next interval.
     */
    private void snapshot() {
        lastSnapshotNanos = System.nanoTime();
        Map<TopicPartition, Long> offsets = Map.copyOf(readUpTo);
        if (offsets.equals(lastSnapshotOffsets) || !snapshotInFlight.compareAndSet(false, true)) {
            return;
        }
        Map<Integer, Long> byPartition = new TreeMap<>();
        offsets.forEach((partition, offset) -> byPartition.put(partition.partition(), offset));
        ViewSnapshot snapshot = new ViewSnapshot(
                ViewSnapshot.FORMAT,
                topic,
                Instant.now(),
                newestEventTime,
                byPartition,
                List.copyOf(assistants.values()));
        snapshotWriter.execute(() -> {
            try {
                snapshots.write(JSON.writeValueAsBytes(snapshot));
                lastSnapshotOffsets = offsets;
                log.info(
                        "Assistants view snapshot written: {} assistants at offsets {}",
                        snapshot.assistants().size(),
                        byPartition);
            } catch (RuntimeException e) {
                log.warn(
                        "The assistants view's snapshot could not be written; it is tried again in {}: {}",
                        snapshotInterval,
                        e.toString());
            } finally {
                snapshotInFlight.set(false);
            }
        });
    }

    /** The topic's partitions, waiting for the topic to exist (a fresh system has not published yet). */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> consumer) {
        while (following()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            // no topic yet means no assistant yet: nothing to wait for
            ready = true;
            pause(1_000);
        }
        throw new WakeupException();
    }

    /** Folds the event in, once: an event the state already reflects (redelivery) changes nothing. */
    private void fold(ReceivedEvent received) {
        if (received.time().isAfter(newestEventTime)) {
            newestEventTime = received.time();
        }
        try {
            assistants.compute(
                    received.event().assistantId(),
                    (id, state) -> state != null && received.sequence() <= state.version()
                            ? state
                            : AssistantState.fold(state, received.event(), received.sequence(), received.time()));
        } catch (IllegalStateException outOfOrder) {
            log.warn(
                    "Skipping event {} of assistant {}: {}",
                    received.sequence(),
                    received.event().assistantId(),
                    outOfOrder.getMessage());
        }
    }
}
