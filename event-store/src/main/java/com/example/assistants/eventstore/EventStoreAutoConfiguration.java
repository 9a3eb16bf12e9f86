package com.example.assistants.eventstore;

import com.example.assistants.support.json.PlatformJson;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;

/** How events are stamped and written, the same for every service that writes or reads them. */
@AutoConfiguration
public class EventStoreAutoConfiguration {

    static {
        // The event table keeps timestamps to the millisecond; stamping them so from the start
        // makes the state a command returns equal to the state later folded from the table.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Events are stored in the platform's JSON conventions, so that the table reads like the API. */
    @Bean
    Jackson3SerializerCustomizer platformEventJson() {
        return PlatformJson::conventions;
    }
}
