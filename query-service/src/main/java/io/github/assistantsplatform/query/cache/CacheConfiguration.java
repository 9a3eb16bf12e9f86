package io.github.assistantsplatform.query.cache;

import io.github.assistantsplatform.support.tracing.TraceContext;
import io.github.assistantsplatform.support.web.CommandServiceClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SemanticCacheProperties.class)
class CacheConfiguration {

    /** Purges are recorded in the assistant's history by command-service. */
    @Bean
    CommandServiceClient commandServiceClient(
            @Value("${assistants.command-service.url}") String url, JsonMapper json, TraceContext traces) {
        return new CommandServiceClient(url, json, traces);
    }
}
