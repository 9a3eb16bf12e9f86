package io.github.assistantsplatform.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The publisher's batches on a real broker, driven as Axon's tracking processor drives them: one
 * unit of work per batch, with the segment it belongs to. A batch is on the topic whole or not at
 * all, so that one which failed after Kafka took some of its records can never be read after the
 * batch that follows it (the order per assistant broke that way when Kafka came back after an outage).
 */
class TransactionalPublishingTest {

    private final String topic = "publisher-" + UUID.randomUUID();
    private final KafkaProperties properties = new KafkaProperties(
            TestKafka.broker().bootstrapServers(),
            topic,
            "test-publisher-" + UUID.randomUUID(),
            new KafkaProperties.NewTopicSettings(2, (short) 1, 1, -1));
    private final AssistantEventsTopic eventsTopic = new AssistantEventsTopic(properties);

    @Test
    void aBatchKafkaTookOnlyPartOfIsNeverReadAndItsRetryIsReadOnceInOrder() throws Exception {
        UUID assistant = UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.broker().bootstrapServers()));
                SegmentProducers producers = new KafkaPublishingConfiguration()
                        .assistantEventProducers(properties, new SimpleMeterRegistry());
                KafkaConsumer<String, String> consumer = TestKafka.consumer(topic)) {
            // the topic takes the small first event, not the large second one
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(Map.of("max.message.bytes", "8000"))))
                    .all()
                    .get();
            KafkaEventPublisher publisher = new KafkaEventPublisher(producers, eventsTopic, properties);

            assertThatThrownBy(batch(publisher, assistant)::commit)
                    .isInstanceOf(KafkaEventPublisher.KafkaPublishingException.class);
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", "1000000"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            assertThatCode(batch(publisher, assistant)::commit).doesNotThrowAnyException());

            assertThat(sequencesOnTheTopic(consumer, assistant)).containsExactly(0L, 1L);
        }
    }

    @Test
    void aSegmentsNewProducerFencesThePreviousOneAndAbortsWhatItLeftOpen() {
        UUID assistant = UUID.randomUUID();
        try (SegmentProducers previous = new KafkaPublishingConfiguration()
                        .assistantEventProducers(properties, new SimpleMeterRegistry());
                SegmentProducers next = new KafkaPublishingConfiguration()
                        .assistantEventProducers(properties, new SimpleMeterRegistry());
                KafkaConsumer<String, String> consumer = TestKafka.consumer(topic)) {
            // a replica that stalled with its transaction open, its records sent
            Producer<String, byte[]> stalled = previous.begin(0);
            stalled.send(new ProducerRecord<>(
                    topic, assistant.toString(), HttpApi.JSON.writeValueAsBytes(Map.of("sequence", 0))));
            stalled.flush();

            // the replica that took the segment over publishes the same events
            batch(new KafkaEventPublisher(next, eventsTopic, properties), assistant)
                    .commit();

            assertThat(sequencesOnTheTopic(consumer, assistant)).containsExactly(0L, 1L);
            assertThatThrownBy(stalled::commitTransaction).isInstanceOf(KafkaException.class);
        }
    }

    @Test
    void theTopicIsCreatedWithItsSettingsBeforeTheFirstRecordNotWithTheBrokersDefaults() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.broker().bootstrapServers()));
                SegmentProducers producers = new KafkaPublishingConfiguration()
                        .assistantEventProducers(properties, new SimpleMeterRegistry())) {
            batch(new KafkaEventPublisher(producers, eventsTopic, properties), UUID.randomUUID())
                    .commit();

            assertThat(admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get()
                            .get(topic)
                            .partitions())
                    .hasSize(2);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
                    .all()
                    .get()
                    .get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
            assertThat(config.get("max.message.bytes").value())
                    .isEqualTo(String.valueOf(2 * KafkaEventPublisher.MAX_RECORD_BYTES));
        }
    }

    /**
     * A batch of the assistant's two events on segment 0, handled and not yet committed: a small one,
     * then one of about 27 kB (instructions that do not compress).
     */
    private static DefaultUnitOfWork<?> batch(KafkaEventPublisher publisher, UUID assistant) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.resources().put("Processor[" + KafkaEventPublisher.PROCESSING_GROUP + "]/SegmentId", 0);
        byte[] noise = new byte[20_000];
        new Random(assistant.hashCode()).nextBytes(noise);
        List<AssistantEvent> events = List.of(
                created(assistant, "You are a helpful assistant."),
                created(assistant, Base64.getEncoder().encodeToString(noise)));
        for (int sequence = 0; sequence < events.size(); sequence++) {
            publisher.on(
                    events.get(sequence),
                    new GenericDomainEventMessage<>("Assistant", assistant.toString(), sequence, events.get(sequence)));
        }
        return batch;
    }

    private static AssistantCreated created(UUID assistant, String instructions) {
        return new AssistantCreated(
                assistant,
                SettingsJson.tree(AssistantSettings.DEFAULTS)
                        .put("name", "Atomic")
                        .put("instructions", instructions));
    }

    /** Every sequence of the assistant's records a read_committed consumer reads up to the topic's end. */
    private List<Long> sequencesOnTheTopic(KafkaConsumer<String, String> consumer, UUID assistant) {
        List<Long> sequences = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.key().equals(assistant.toString())) {
                    sequences.add(HttpApi.JSON
                            .readTree(record.value())
                            .get("sequence")
                            .asLong());
                }
            }
            Set<TopicPartition> assigned = consumer.assignment();
            return !assigned.isEmpty()
                    && consumer.endOffsets(assigned).entrySet().stream()
                            .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        });
        return sequences;
    }
}
