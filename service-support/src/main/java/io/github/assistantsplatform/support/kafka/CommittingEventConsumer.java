package io.github.assistantsplatform.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer group that acts on each event and commits its offsets only after acting on every
 * event of a poll: at least once, so {@link #handle} must be idempotent. A new group starts from
 * the beginning of the topic: acting again is harmless, missing an event is not.
 */
public abstract class CommittingEventConsumer extends AssistantEventConsumer {

    protected CommittingEventConsumer(String group, String bootstrapServers, String topic) {
        this(group, bootstrapServers, topic, Map.of());
    }

    /** @param settings consumer settings beyond the group's own */
    protected CommittingEventConsumer(
            String group, String bootstrapServers, String topic, Map<String, Object> settings) {
        super(group, bootstrapServers, topic, withGroup(group, settings));
    }

    private static Map<String, Object> withGroup(String group, Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                200));
        all.putAll(settings);
        return all;
    }

    /**
     * Acts on one event; returns once it is done (waiting out an unavailable dependency itself), or
     * throws, and the event is handled again after a back-off.
     */
    protected abstract void handle(ReceivedEvent event);

    @Override
    protected final void follow(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(List.of(topic));
        while (following()) {
            for (ConsumerRecord<String, byte[]> record : poll(consumer, Duration.ofMillis(500))) {
                read(record).ifPresent(event -> traced(record, () -> handle(event)));
            }
            // a commit that fails (the group moved on while a record was handled) throws: the consumer starts
            // again from the last committed offsets and handles the records since then again
            consumer.commitSync();
        }
    }
}
