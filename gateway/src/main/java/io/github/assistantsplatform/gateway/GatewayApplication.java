package io.github.assistantsplatform.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class GatewayApplication {

    public static final String CONFIG_NAME = "spring.config.name=gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
