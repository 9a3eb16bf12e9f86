package io.github.assistantsplatform.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/** The publisher's progress is in the service's metrics, as the README says (Axon's, per processor). */
class ProcessorMetricsTest extends CommandServiceTest {

    @Test
    void thePublishersLatencyAndCountsAreScrapedByProcessor() {
        api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Measured"));

        String scraped = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/actuator/prometheus", TestTokens.admin())
                                .body(),
                        body -> body.contains(
                                "eventProcessor_allTimer_seconds_count{payloadType=\"AssistantCreated\",processorName=\"kafka-publisher\"}"));

        assertThat(scraped)
                .contains("eventProcessor_latency{", "processorName=\"kafka-publisher\"")
                .contains(
                        "eventProcessor_failureCounter_total{payloadType=\"AssistantCreated\",processorName=\"kafka-publisher\"} 0.0")
                .contains("eventProcessor_capacity{");
    }
}
