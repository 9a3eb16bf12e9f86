package io.github.assistantsplatform.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

class KafkaPublishingTest extends CommandServiceTest {

    private static final String TOPIC = "assistants.events.v1";

    @Autowired
    EventStore eventStore;

    /** The trace of the request that caused an event goes on with its record, to whoever consumes it. */
    @Test
    void aRecordCarriesTheTraceOfTheRequestThatCausedIt() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String id = api.send(
                            "POST",
                            "/api/v1/assistants",
                            TestTokens.admin(),
                            Map.of("name", "Traced"),
                            Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                    .json()
                    .get("id")
                    .asString();

            ConsumerRecord<String, String> record = TestKafka.poll(
                            consumer,
                            published -> id.equals(published.key()),
                            seen -> !seen.isEmpty(),
                            Duration.ofSeconds(30))
                    .get(0);

            assertThat(jdbc.queryForObject(
                            "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ?",
                            String.class,
                            id))
                    .as("kept in the event's metadata")
                    .contains(traceId);
            String traceparent =
                    new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            assertThat(traceparent)
                    .as("same trace, command-service's span as parent")
                    .startsWith("00-" + traceId + "-")
                    .doesNotContain("00f067aa0ba902b7");
        }
    }

    @Test
    void everyEventTypeIsPublishedAsACloudEventKeyedByItsAssistant() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            String id = api.send(
                            "POST",
                            "/api/v1/assistants",
                            TestTokens.admin("admin-kim"),
                            Map.of("name", "Published"),
                            Map.of("X-Request-Id", "req-kafka-1"))
                    .json()
                    .get("id")
                    .asString();
            api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", "d"));
            UUID assistant = UUID.fromString(id);
            // as avatar-service and query-service send them: over HTTP, with the caller's token
            assertThat(api.put(
                                    "/api/v1/assistants/" + id + "/avatar-reference",
                                    TestTokens.admin(),
                                    Map.of(
                                            "object_key",
                                            Avatar.objectKey(assistant, "ab".repeat(32), "png"),
                                            "content_type",
                                            "image/png",
                                            "size",
                                            10,
                                            "sha256",
                                            "ab".repeat(32),
                                            "width",
                                            1,
                                            "height",
                                            1))
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/api/v1/assistants/" + id + "/avatar-reference", TestTokens.admin())
                            .status())
                    .isEqualTo(200);
            assertThat(api.post(
                                    "/api/v1/assistants/" + id + "/cache-purges",
                                    TestTokens.admin(),
                                    Map.of("deleted_count", 7))
                            .status())
                    .isEqualTo(200);
            api.delete("/api/v1/assistants/" + id, TestTokens.admin());

            List<ConsumerRecord<String, String>> records = TestKafka.poll(
                    consumer, record -> id.equals(record.key()), seen -> seen.size() >= 6, Duration.ofSeconds(30));

            assertThat(records)
                    .extracting(record -> json(record).get("type").asString())
                    .containsExactly(
                            "assistants.AssistantCreated.v1",
                            "assistants.AssistantUpdated.v1",
                            "assistants.AvatarSet.v1",
                            "assistants.AvatarRemoved.v1",
                            "assistants.SemanticCachePurged.v1",
                            "assistants.AssistantDeleted.v1");
            JsonNode created = json(records.get(0));
            assertThat(created.get("specversion").asString()).isEqualTo("1.0");
            assertThat(created.get("source").asString()).isEqualTo("/assistants/command-service");
            assertThat(created.get("subject").asString()).isEqualTo(id);
            assertThat(created.get("sequence").asLong()).isZero();
            assertThat(created.get("actor").asString()).isEqualTo("admin-kim");
            assertThat(created.get("requestid").asString()).isEqualTo("req-kafka-1");
            assertThat(Instant.parse(created.get("time").asString())).isBeforeOrEqualTo(Instant.now());
            assertThat(created.get("data").get("settings").get("name").asString())
                    .isEqualTo("Published");
            assertThat(json(records.get(1)).get("data").get("changes").propertyNames())
                    .containsExactly("description");
            assertThat(json(records.get(4)).get("data").get("deleted_count").asLong())
                    .isEqualTo(7);
            assertThat(records)
                    .extracting(record -> json(record).get("sequence").asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
            assertThat(records)
                    .extracting(record -> json(record).get("id").asString())
                    .doesNotHaveDuplicates();
            AsyncApiDocument asyncApi = AsyncApiDocument.read();
            for (ConsumerRecord<String, String> record : records) {
                JsonNode envelope = json(record);
                JsonNode message = asyncApi.message(envelope.get("type").asString());
                ObjectNode headers = JsonNodeFactory.instance.objectNode();
                record.headers()
                        .forEach(header ->
                                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
                assertThat(asyncApi.violations(message.get("payload"), envelope))
                        .as("docs/asyncapi.yaml describes %s", envelope)
                        .isEmpty();
                assertThat(asyncApi.violations(message.get("headers"), headers))
                        .as("docs/asyncapi.yaml describes the headers of %s", envelope.get("type"))
                        .isEmpty();
            }
            assertThat(new String(
                            records.get(0).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("application/cloudevents+json");
            String storedId = jdbc.queryForObject(
                    "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                            + "AND sequence_number = 0",
                    String.class,
                    id);
            assertThat(created.get("id").asString()).isEqualTo(storedId);
        }
    }

    @Test
    void eachAssistantsEventsArriveInOrderUnderConcurrentWrites() throws Exception {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Ordered " + i))
                        .json()
                        .get("id")
                        .asString());
            }
            ExecutorService writers = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (String id : ids) {
                done.add(writers.submit(() -> {
                    for (int update = 1; update <= 8; update++) {
                        api.put(
                                "/api/v1/assistants/" + id,
                                TestTokens.admin(),
                                Map.of("avatar_vertical_position", update));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();
            Set<String> wanted = Set.copyOf(ids);

            List<ConsumerRecord<String, String>> records = TestKafka.poll(
                    consumer,
                    record -> wanted.contains(record.key()),
                    seen -> seen.size() >= ids.size() * 9,
                    Duration.ofSeconds(60));

            Map<String, List<Long>> sequences = new HashMap<>();
            records.forEach(record -> sequences
                    .computeIfAbsent(record.key(), key -> new ArrayList<>())
                    .add(json(record).get("sequence").asLong()));
            assertThat(sequences).hasSize(ids.size());
            sequences
                    .values()
                    .forEach(sequence -> assertThat(sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        }
    }

    @Test
    void withKafkaDownCommandsSucceedAndNothingIsLostWhenItReturns() {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            TestKafka.broker().stop();
            List<String> ids;
            try {
                ids = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    HttpApi.Response created = api.post(
                            "/api/v1/assistants", TestTokens.admin(), Map.of("name", "While Kafka is down " + i));
                    assertThat(created.status()).isEqualTo(201);
                    ids.add(created.json().get("id").asString());
                    api.put(
                            "/api/v1/assistants/" + ids.get(i),
                            TestTokens.admin(),
                            Map.of("description", "also while down"));
                }
            } finally {
                TestKafka.broker().start();
            }
            Set<String> wanted = Set.copyOf(ids);

            List<ConsumerRecord<String, String>> records = TestKafka.poll(
                    consumer,
                    record -> wanted.contains(record.key()),
                    seen -> seen.stream()
                                    .map(record -> record.key() + json(record).get("sequence"))
                                    .distinct()
                                    .count()
                            >= 10,
                    Duration.ofSeconds(120));

            Map<String, List<Long>> sequences = records.stream()
                    .collect(Collectors.groupingBy(
                            ConsumerRecord::key,
                            Collectors.mapping(
                                    record -> json(record).get("sequence").asLong(), Collectors.toList())));
            assertThat(sequences).hasSize(5);
            sequences
                    .values()
                    .forEach(sequence ->
                            assertThat(sequence.stream().distinct().toList()).containsExactly(0L, 1L));
        }
    }

    @Test
    void anEventKafkaCannotTakeIsSetAsideWithoutBlockingTheOthers() {
        try (KafkaConsumer<String, String> consumer = TestKafka.consumer(TOPIC)) {
            UUID huge = UUID.randomUUID();
            AssistantSettings settings = SettingsJson.applied(
                    AssistantSettings.DEFAULTS,
                    SettingsJson.tree(AssistantSettings.DEFAULTS)
                            .put("name", "Huge")
                            .put("instructions", "x".repeat(5 * 1024 * 1024)));
            eventStore.publish(new GenericDomainEventMessage<>(
                    "Assistant", huge.toString(), 0, new AssistantCreated(huge, SettingsJson.tree(settings))));
            String after = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "After the huge one"))
                    .json()
                    .get("id")
                    .asString();

            List<ConsumerRecord<String, String>> records = TestKafka.poll(
                    consumer, record -> after.equals(record.key()), seen -> !seen.isEmpty(), Duration.ofSeconds(30));

            assertThat(records).hasSize(1);
            // recorded when the publisher's batch commits, which can be a moment after Kafka has the next event
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                    "SELECT count(*) FROM dead_letter_entry WHERE processing_group = 'kafka-publisher' "
                                            + "AND sequence_identifier = ?",
                                    Long.class,
                                    huge.toString()))
                            .isEqualTo(1));
        }
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        return HttpApi.JSON.readTree(record.value());
    }
}
