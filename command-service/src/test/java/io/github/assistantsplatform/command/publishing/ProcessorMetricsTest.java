package io.github.assistantsplatform.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/**
 * The publisher's progress is in the service's metrics, as the README says (Axon's, per processor),
 * scraped without a token on the management port; the public port has health only.
 */
class ProcessorMetricsTest extends CommandServiceTest {

    @Test
    void thePublishersLatencyAndCountsAreScrapedByProcessor() {
        api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Measured"));

        String scraped = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> management.get("/actuator/prometheus", null).body(),
                        // the handler's timer stops before the batch's commit creates the segment's producer
                        body -> body.contains(
                                        "eventProcessor_allTimer_seconds_count{payloadType=\"AssistantCreated\",processorName=\"kafka-publisher\"}")
                                && body.contains("kafka_producer_record_send_total{"));

        assertThat(scraped)
                .contains("eventProcessor_latency{", "processorName=\"kafka-publisher\"")
                .contains(
                        "eventProcessor_failureCounter_total{payloadType=\"AssistantCreated\",processorName=\"kafka-publisher\"} 0.0")
                .contains("eventProcessor_capacity{")
                .as("the publisher's producers, one per segment")
                .containsPattern("kafka_producer_record_send_total\\{[^}]*segment=\"");
        assertThat(api.get("/actuator/prometheus", TestTokens.admin()).status())
                .as("not on the public port")
                .isEqualTo(404);
        assertThat(api.get("/readyz", null).status()).isEqualTo(200);
        assertThat(api.get("/livez", null).status()).isEqualTo(200);
    }
}
