package io.github.assistantsplatform.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

/** A tracking processor that stops (Axon shuts one down on an error it cannot recover from) takes the service out of rotation. */
class ProcessorHealthTest extends CommandServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aStoppedPublisherMakesReadinessDown() {
        StreamingEventProcessor publisher = processing
                .eventProcessor("kafka-publisher", StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/readyz", null).status() == 200);
        try {
            publisher.shutDown();

            Response readiness = api.get("/readyz", null);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body()).contains("DOWN");
        } finally {
            publisher.start();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/readyz", null).status() == 200);
    }
}
