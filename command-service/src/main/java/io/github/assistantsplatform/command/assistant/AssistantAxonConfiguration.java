package io.github.assistantsplatform.command.assistant;

import io.github.assistantsplatform.events.EventMetadata;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class AssistantAxonConfiguration {

    /** Every event an assistant command causes carries the command's actor, request ids and trace context. */
    @Bean
    CorrelationDataProvider requestMetadata() {
        List<String> keys =
                new ArrayList<>(List.of(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID, EventMetadata.REQUEST_ID));
        keys.addAll(EventMetadata.TRACE_CONTEXT);
        return new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    }
}
