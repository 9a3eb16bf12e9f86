package com.example.assistants.avatar.view;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.api.event.AssistantEvent;
import com.example.assistants.api.event.EventEnvelope;
import com.example.assistants.support.json.PlatformJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
public class AssistantsView implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AssistantsView.class);
    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Map<UUID, AssistantState> assistants = new ConcurrentHashMap<>();
    private final String bootstrapServers;
    private final String topic;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;
    private volatile boolean ready;

    AssistantsView(@Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
                   @Value("${assistants.kafka.topic}") String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
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
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public boolean isReady() {
        return ready;
    }

    @Override
    public Health health() {
        return ready ? Health.up().withDetail("assistants", assistants.size()).build()
                : Health.down().withDetail("reason", "still reading " + topic).build();
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000),
                new StringDeserializer(), new ByteArrayDeserializer());
        worker = new Thread(this::follow, "assistants-view");
        worker.setDaemon(true);
        worker.start();
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (!ready && endAtStart.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                    ready = true;
                    log.info("Assistants view ready: {} assistants", assistants.size());
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked the consumer to leave its poll
        } catch (RuntimeException e) {
            ready = false;
            log.error("The assistants view stopped following {}; the service is unhealthy until restarted", topic, e);
        }
    }

    /** The topic's partitions, waiting for the topic to exist (a fresh system has not published yet). */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (true) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            // no topic yet means no assistant yet: nothing to wait for
            ready = true;
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            Optional<Class<? extends AssistantEvent>> type = EventEnvelope.eventClassOf(envelope.path("type").asString(""));
            if (type.isEmpty()) {
                return;
            }
            AssistantEvent event = JSON.treeToValue(envelope.get("data"), type.get());
            long sequence = envelope.get("sequence").asLong();
            Instant time = Instant.parse(envelope.get("time").asString());
            assistants.compute(event.assistantId(), (id, state) -> state != null && sequence <= state.version()
                    ? state
                    : AssistantState.fold(state, event, sequence, time));
        } catch (RuntimeException e) {
            log.warn("Skipping an unusable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            consumer.wakeup();
            try {
                worker.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isAlive();
    }
}
