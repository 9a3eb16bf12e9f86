package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.model.PlatformJson;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** How events are stamped and written, the same for every service that writes or reads them. */
@AutoConfiguration
public class EventStoreAutoConfiguration {

    static {
        // The event table keeps timestamps to the millisecond; stamping them so from the start
        // makes the state a command returns equal to the state later folded from the table.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * DOWN, naming it, when a tracking processor has stopped: Axon shuts one down for good on an error
     * it cannot recover from, and the service would otherwise look healthy while its projection or its
     * publishing stands still. One that fails and retries (a dependency down) is reported, not DOWN:
     * the service still serves what it can.
     */
    @Bean
    HealthIndicator eventProcessors(ObjectProvider<EventProcessingConfiguration> processing) {
        return () -> {
            Health.Builder health = Health.up();
            boolean stopped = false;
            EventProcessingConfiguration configuration = processing.getIfAvailable();
            Map<String, EventProcessor> processors = configuration == null ? Map.of() : configuration.eventProcessors();
            for (Map.Entry<String, EventProcessor> processor : processors.entrySet()) {
                if (processor.getValue() instanceof StreamingEventProcessor streaming) {
                    health.withDetail(
                            processor.getKey(),
                            !streaming.isRunning() ? "stopped" : streaming.isError() ? "failing, retrying" : "running");
                    stopped |= !streaming.isRunning();
                }
            }
            return stopped ? health.down().build() : health.build();
        };
    }

    /** Events are stored in the platform's JSON conventions, so that the table reads like the API. */
    @Bean
    Jackson3SerializerCustomizer platformEventJson() {
        return PlatformJson::conventions;
    }
}
