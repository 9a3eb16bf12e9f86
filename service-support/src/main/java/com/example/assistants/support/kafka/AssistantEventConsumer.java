package com.example.assistants.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Kafka consumer of assistant events on a thread of its own, started and stopped with the
 * application. Subclasses say how they follow the topic ({@link #follow}); what the records mean
 * is read once, here ({@link #read}).
 */
public abstract class AssistantEventConsumer implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Map<String, Object> settings;
    protected final String topic;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread worker;

    /** @param settings consumer settings beyond the bootstrap servers and deserializers */
    protected AssistantEventConsumer(String name, String bootstrapServers, String topic, Map<String, Object> settings) {
        this.name = name;
        this.topic = topic;
        this.settings = new HashMap<>(settings);
        this.settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.settings.putIfAbsent(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    /** Follows the topic until the thread is interrupted or the consumer woken up. */
    protected abstract void follow(KafkaConsumer<String, byte[]> consumer);

    /** The event in a record; empty (and logged) for a record that is not one. */
    protected Optional<ReceivedEvent> read(ConsumerRecord<String, byte[]> record) {
        try {
            return ReceivedEvent.from(record.value());
        } catch (RuntimeException e) {
            log.warn("Skipping an unusable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            return Optional.empty();
        }
    }

    /** Sleeps for a back-off; an interrupt ends the consumer as a wake-up does. */
    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public synchronized void start() {
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            follow(kafka);
        } catch (WakeupException stopping) {
            // stop() asked the consumer to leave its poll
        } catch (RuntimeException e) {
            log.error("{} stopped following {}; it resumes at the next start", name, topic, e);
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
