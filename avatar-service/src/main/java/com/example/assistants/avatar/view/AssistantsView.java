package com.example.assistants.avatar.view;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.support.kafka.AssistantEventConsumer;
import com.example.assistants.support.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What avatar-service knows of the assistants (which exist, which are private, which avatar they
 * show), folded from the Kafka topic with the same {@link AssistantState#fold} as everywhere: at
 * start it reads the topic from the beginning (the topic keeps every event), then follows it.
 * It is not ready, and the service not healthy, until it has read what was there at start.
 */
@Component
public class AssistantsView extends AssistantEventConsumer {

    private static final Logger log = LoggerFactory.getLogger(AssistantsView.class);

    private final Map<UUID, AssistantState> assistants = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> readUpTo = new ConcurrentHashMap<>();
    private volatile Instant newestEventTime = Instant.EPOCH;
    private volatile boolean ready;

    AssistantsView(@Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
                   @Value("${assistants.kafka.topic}") String topic) {
        // a position the broker no longer recognises (after its restart, say) is read again from the start:
        // the consumer's default, the end, skipped events and left assistants without their creation
        super("assistants-view", bootstrapServers, topic, Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
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

    /** Whether the assistant, deleted or not, shows the object {@code key} now. */
    public boolean shows(UUID assistantId, String key) {
        AssistantState state = assistants.get(assistantId);
        return state != null && !state.deleted() && state.avatar() != null && state.avatar().objectKey().equals(key);
    }

    /** When the newest event this view has read happened: every event published before it is in the view too. */
    public Instant newestEventTime() {
        return newestEventTime;
    }

    /** Whether this view has read the topic up to {@code ends} (an offset per partition, as Kafka's end offsets). */
    public boolean hasRead(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || readUpTo.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }

    @Override
    public Health health() {
        Health following = super.health();
        if (!Status.UP.equals(following.getStatus())) {
            return following;
        }
        return ready ? Health.up().withDetail("assistants", assistants.size()).build()
                : Health.down().withDetail("reason", "still reading " + topic).build();
    }

    @Override
    protected void follow(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = awaitPartitions(consumer);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        while (following()) {
            for (ConsumerRecord<String, byte[]> record : poll(consumer, Duration.ofMillis(200))) {
                read(record).ifPresent(this::fold);
            }
            partitions.forEach(partition -> readUpTo.put(partition, consumer.position(partition)));
            if (!ready && endAtStart.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                ready = true;
                log.info("Assistants view ready: {} assistants", assistants.size());
            }
        }
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
            assistants.compute(received.event().assistantId(), (id, state) -> state != null && received.sequence() <= state.version()
                    ? state
                    : AssistantState.fold(state, received.event(), received.sequence(), received.time()));
        } catch (IllegalStateException outOfOrder) {
            log.warn("Skipping event {} of assistant {}: {}", received.sequence(), received.event().assistantId(),
                    outOfOrder.getMessage());
        }
    }
}
