package io.github.assistantsplatform.command.assistant;

import io.github.assistantsplatform.events.EventMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistantAxonConfiguration {

    /** Every event an assistant command causes carries the command's actor and request ids. */
    @Bean
    CorrelationDataProvider requestMetadata() {
        return new SimpleCorrelationDataProvider(
                EventMetadata.ACTOR, EventMetadata.CORRELATION_ID, EventMetadata.REQUEST_ID);
    }
}
