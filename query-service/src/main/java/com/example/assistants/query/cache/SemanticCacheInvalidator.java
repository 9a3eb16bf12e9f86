package com.example.assistants.query.cache;

import com.example.assistants.api.event.AssistantDeleted;
import com.example.assistants.api.event.AssistantUpdated;
import com.example.assistants.api.event.EventEnvelope;
import com.example.assistants.query.readmodel.MongoRetry;
import com.example.assistants.support.json.PlatformJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumer group "semantic-cache-invalidator": purges an assistant's cached answers when an event
 * on the Kafka topic says they are stale (an update to what answers depend on, a deletion). A
 * purge is idempotent, so redelivery is harmless; offsets are committed only after the purges of
 * a poll are done, and a purge waits while MongoDB is unreachable.
 */
@Component
class SemanticCacheInvalidator implements SmartLifecycle {

    static final String GROUP = "semantic-cache-invalidator";
    private static final Logger log = LoggerFactory.getLogger(SemanticCacheInvalidator.class);
    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final SemanticCache cache;
    private final String bootstrapServers;
    private final String topic;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;

    SemanticCacheInvalidator(SemanticCache cache, @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
                             @Value("${assistants.kafka.topic}") String topic) {
        this.cache = cache;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // a new group reads the whole topic: purging again is harmless, missing a change is not
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200),
                new StringDeserializer(), new ByteArrayDeserializer());
        worker = new Thread(this::consume, GROUP);
        worker.setDaemon(true);
        worker.start();
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            kafka.subscribe(List.of(topic));
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    handle(record);
                }
                kafka.commitSync();
            }
        } catch (WakeupException stopping) {
            // stop() asked the consumer to leave its poll
        } catch (RuntimeException e) {
            log.error("The semantic cache invalidator stopped; cached answers may go stale until a restart", e);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        String type;
        UUID assistantId;
        boolean stale;
        try {
            JsonNode envelope = JSON.readTree(record.value());
            type = envelope.path("type").asString("");
            assistantId = UUID.fromString(envelope.path("subject").asString());
            stale = type.equals(EventEnvelope.typeOf(AssistantDeleted.class))
                    || type.equals(EventEnvelope.typeOf(AssistantUpdated.class))
                    && AnswerDependencies.changedBy(JSON.treeToValue(envelope.get("data"), AssistantUpdated.class).changes());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (stale) {
            MongoRetry.untilAvailable("purging the semantic cache of " + assistantId, () -> {
                long purged = cache.purge(assistantId);
                log.info("Purged {} cached answers of assistant {} after {}", purged, assistantId, type);
            });
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
