package io.github.assistantsplatform.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * How far behind the projection and the Kafka consumers are, in the service's metrics: scraped without a
 * token on the management port, as Prometheus does; the public port has health only.
 */
class LagMetricsTest extends QueryServiceTest {

    @Test
    void theProjectionsAndTheConsumersLagAreScrapedWithoutAToken() {
        create(Map.of("name", "Lagging"));

        String scraped = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> management.get("/actuator/prometheus", null).body(),
                        body -> body.contains("kafka_consumer_fetch_manager_records_lag_max{")
                                && body.contains("consumer=\"semantic-cache-invalidator\""));

        assertThat(scraped)
                .contains("eventProcessor_latency{", "processorName=\"assistant-read-model\"")
                .containsPattern(
                        "kafka_consumer_fetch_manager_records_lag_max\\{[^}]*consumer=\"semantic-cache-invalidator\"");
        assertThat(reads.get("/actuator/prometheus", TestTokens.admin()).status())
                .as("not on the public port")
                .isEqualTo(404);
        assertThat(reads.get("/readyz", null).status()).isEqualTo(200);
    }

    @Test
    void theReadModelsCommandsAndTheCachesHitRatioAreScraped() {
        String id = create(Map.of("name", "Measured", "use_semantic_cache", true));
        assertThat(reads.put(
                                "/api/v1/assistants/" + id + "/cache",
                                TestTokens.admin(),
                                Map.of("question", "When do you open?", "answer", "At nine."))
                        .status())
                .isEqualTo(201);
        reads.post("/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", "When do you open?"));
        reads.post("/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", "Who are you?"));

        String scraped = management.get("/actuator/prometheus", null).body();

        assertThat(scraped)
                .containsPattern("mongodb_driver_commands_seconds_count\\{[^}]*command=\"find\"")
                .contains("mongodb_driver_pool_size{")
                .containsPattern("assistants_semantic_cache_lookups_total\\{result=\"hit\"} [1-9]")
                .containsPattern("assistants_semantic_cache_lookups_total\\{result=\"miss\"} [1-9]")
                .contains("assistants_semantic_cache_embedding_seconds_count");
    }

    @Test
    void aCallToCommandServiceIsMeasuredByRouteAndContinuesTheCallersTrace() {
        String id = create(Map.of("name", "Purged", "use_semantic_cache", true));
        String traceId = UUID.randomUUID().toString().replace("-", "");

        try (KafkaConsumer<String, String> consumer = TestKafka.consumer("assistants.events.v1")) {
            assertThat(reads.send(
                                    "DELETE",
                                    "/api/v1/assistants/" + id + "/cache",
                                    TestTokens.admin(),
                                    null,
                                    Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"))
                            .status())
                    .isEqualTo(200);

            ConsumerRecord<String, String> purged = TestKafka.poll(
                            consumer,
                            record -> id.equals(record.key()) && record.value().contains("SemanticCachePurged"),
                            seen -> !seen.isEmpty(),
                            Duration.ofSeconds(30))
                    .get(0);
            assertThat(new String(purged.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .as("command-service continued query-service's trace")
                    .startsWith("00-" + traceId + "-");
        }
        assertThat(management.get("/actuator/prometheus", null).body())
                .containsPattern("http_client_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"200\""
                        + "[^}]*uri=\"/api/v1/assistants/\\{id}/cache-purges\"} [1-9]");
    }
}
