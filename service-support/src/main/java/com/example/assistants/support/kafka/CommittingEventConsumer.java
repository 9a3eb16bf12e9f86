package com.example.assistants.support.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A consumer group that acts on each event and commits its offsets only after acting on every
 * event of a poll: at least once, so {@link #handle} must be idempotent. A new group starts from
 * the beginning of the topic: acting again is harmless, missing an event is not.
 */
public abstract class CommittingEventConsumer extends AssistantEventConsumer {

    protected CommittingEventConsumer(String group, String bootstrapServers, String topic) {
        super(group, bootstrapServers, topic, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200));
    }

    /** Acts on one event; returns only once it is done (waiting out an unavailable dependency itself). */
    protected abstract void handle(ReceivedEvent event);

    @Override
    protected final void follow(KafkaConsumer<String, byte[]> consumer) {
        consumer.subscribe(List.of(topic));
        while (!Thread.currentThread().isInterrupted()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                read(record).ifPresent(this::handle);
            }
            consumer.commitSync();
        }
    }
}
