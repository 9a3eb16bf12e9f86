package io.github.assistantsplatform.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.EventEnvelope;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.support.test.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A consumer of assistant events never stops for good, and its health says when it cannot follow. */
class SupervisedConsumerTest {

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();
    private final List<CommittingEventConsumer> started = new ArrayList<>();

    @AfterEach
    void stopConsumers() {
        started.forEach(CommittingEventConsumer::stop);
    }

    @Test
    void aFailingHandlerIsRetriedFromTheLastCommitAndTheConsumerGoesOn() {
        String topic = "supervised-" + UUID.randomUUID();
        List<UUID> assistants = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        List<Status> healthSeen = new CopyOnWriteArrayList<>();
        CommittingEventConsumer consumer = start(topic, Map.of(), event -> {
            if (event.event().assistantId().equals(assistants.get(1)) && failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("a dependency refused the write");
            }
            handled.add(event.event().assistantId());
        });
        publish(topic, assistants);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            healthSeen.add(consumer.health().getStatus());
            assertThat(handled).containsExactlyInAnyOrderElementsOf(assistants);
        });
        assertThat(failuresLeft.get()).isNegative();
        assertThat(healthSeen).contains(Status.DOWN);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Status.UP.equals(consumer.health().getStatus()));

        UUID later = UUID.randomUUID();
        publish(topic, List.of(later));
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.contains(later));
    }

    @Test
    void aHandlerThatOutlastsTheMaxPollIntervalLosesItsCommitAndResumesFromTheLastOne() throws Exception {
        String topic = "supervised-" + UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        AtomicInteger slowAttempts = new AtomicInteger();
        Set<UUID> handled = ConcurrentHashMap.newKeySet();
        CommittingEventConsumer consumer =
                start(topic, Map.of(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 2_000), event -> {
                    if (event.event().assistantId().equals(slow) && slowAttempts.incrementAndGet() == 1) {
                        // as a purge waits out MongoDB being down for longer than max.poll.interval.ms
                        AssistantEventConsumer.pause(6_000);
                    }
                    handled.add(event.event().assistantId());
                });
        publish(topic, List.of(slow));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> Status.DOWN.equals(consumer.health().getStatus()));
        await().atMost(Duration.ofSeconds(60)).until(() -> slowAttempts.get() >= 2);
        UUID later = UUID.randomUUID();
        publish(topic, List.of(later));
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.contains(later));
        TestKafka.awaitCaughtUp(consumerGroup(topic), topic, Duration.ofSeconds(30));
        assertThat(consumer.health().getStatus()).isEqualTo(Status.UP);
    }

    private CommittingEventConsumer start(String topic, Map<String, Object> settings, Consumer<ReceivedEvent> handler) {
        CommittingEventConsumer consumer =
                new CommittingEventConsumer(
                        consumerGroup(topic), TestKafka.broker().bootstrapServers(), topic, settings) {
                    @Override
                    protected void handle(ReceivedEvent event) {
                        handler.accept(event);
                    }
                };
        consumer.start();
        started.add(consumer);
        return consumer;
    }

    private static String consumerGroup(String topic) {
        return "group-of-" + topic;
    }

    private static void publish(String topic, List<UUID> deletedAssistants) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.broker().bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (UUID assistant : deletedAssistants) {
                EventEnvelope envelope = new EventEnvelope(
                        EventEnvelope.SPEC_VERSION,
                        UUID.randomUUID().toString(),
                        EventEnvelope.typeOf(AssistantDeleted.class),
                        EventEnvelope.SOURCE,
                        assistant.toString(),
                        Instant.now(),
                        "application/json",
                        1,
                        "test",
                        null,
                        null,
                        new AssistantDeleted(assistant));
                producer.send(new ProducerRecord<>(topic, assistant.toString(), JSON.writeValueAsString(envelope)));
            }
            producer.flush();
        }
    }
}
