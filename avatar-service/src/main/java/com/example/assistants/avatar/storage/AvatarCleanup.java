package com.example.assistants.avatar.storage;

import com.example.assistants.api.event.AssistantDeleted;
import com.example.assistants.api.event.AssistantEvent;
import com.example.assistants.api.event.AvatarRemoved;
import com.example.assistants.api.event.AvatarSet;
import com.example.assistants.api.event.EventEnvelope;
import com.example.assistants.avatar.view.AssistantsView;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumer group "avatar-cleanup": deletes the objects no avatar refers to any more (a replaced
 * avatar, a removed one, every avatar of a deleted assistant). Deleting is idempotent; offsets are
 * committed after the deletions; with S3 down it retries the same records with back-off. An object
 * an assistant shows again (the same image uploaded anew) is never deleted.
 */
@Component
class AvatarCleanup implements SmartLifecycle {

    static final String GROUP = "avatar-cleanup";
    private static final Logger log = LoggerFactory.getLogger(AvatarCleanup.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final AvatarStorage storage;
    private final AssistantsView view;
    private final String bootstrapServers;
    private final String topic;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;

    AvatarCleanup(AvatarStorage storage, AssistantsView view, @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
                  @Value("${assistants.kafka.topic}") String topic) {
        this.storage = storage;
        this.view = view;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
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
                    untilDone(record);
                }
                kafka.commitSync();
            }
        } catch (WakeupException stopping) {
            // stop() asked the consumer to leave its poll
        } catch (RuntimeException e) {
            log.error("Avatar clean-up stopped; unreferenced objects stay until a restart", e);
        }
    }

    private void untilDone(ConsumerRecord<String, byte[]> record) {
        Optional<Sequenced> event = read(record);
        if (event.isEmpty()) {
            return;
        }
        long pause = 200;
        while (true) {
            try {
                cleanUpAfter(event.get());
                return;
            } catch (AvatarStorage.StorageException e) {
                log.warn("Object storage unavailable for clean-up after {}; retrying in {} ms", event.get().event(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new WakeupException();
                }
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void cleanUpAfter(Sequenced sequenced) {
        AssistantEvent event = sequenced.event();
        if (event instanceof AvatarSet set && set.replacedObjectKey() != null) {
            deleteUnlessShownAgain(sequenced, set.replacedObjectKey());
        } else if (event instanceof AvatarRemoved removed) {
            deleteUnlessShownAgain(sequenced, removed.objectKey());
        } else if (event instanceof AssistantDeleted) {
            storage.keysUnder(event.assistantId() + "/").forEach(storage::delete);
        }
    }

    /**
     * The same image uploaded again is the same object: delete it only if the assistant, as of
     * this event or later, does not show it. The view follows the topic on its own, so wait for it
     * to reach this event first.
     */
    private void deleteUnlessShownAgain(Sequenced sequenced, String key) {
        boolean shown = view.awaitSequence(sequenced.event().assistantId(), sequenced.sequence(), VIEW_WAIT)
                .map(state -> !state.deleted() && state.avatar() != null && state.avatar().objectKey().equals(key))
                .orElse(true);
        if (!shown) {
            storage.delete(key);
        }
    }

    private record Sequenced(AssistantEvent event, long sequence) {
    }

    private static Optional<Sequenced> read(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode envelope = JSON.readTree(record.value());
            long sequence = envelope.get("sequence").asLong();
            return EventEnvelope.eventClassOf(envelope.path("type").asString(""))
                    .map(type -> new Sequenced(JSON.treeToValue(envelope.get("data"), type), sequence));
        } catch (RuntimeException e) {
            log.warn("Skipping an unusable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return Optional.empty();
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
