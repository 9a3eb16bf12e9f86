package com.example.assistants.eventstore;

import com.example.assistants.support.json.PlatformJson;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Events are stored in the platform's JSON conventions, so that the table reads like the API. */
@AutoConfiguration
public class EventStoreAutoConfiguration {

    @Bean
    Jackson3SerializerCustomizer platformEventJson() {
        return PlatformJson::conventions;
    }
}
