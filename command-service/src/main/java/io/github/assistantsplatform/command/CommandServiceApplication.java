package io.github.assistantsplatform.command;

import io.github.assistantsplatform.eventstore.EventStoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import(EventStoreConfiguration.class)
public class CommandServiceApplication {

    /** Each service reads {@code <service>.yml}, so that services can share a classpath (tests) without sharing configuration. */
    public static final String CONFIG_NAME = "spring.config.name=command-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
