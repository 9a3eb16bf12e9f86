package io.github.assistantsplatform.avatar;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class AvatarServiceApplication {

    /** Each service reads {@code <service>.yml}, so that services can share a classpath (tests) without sharing configuration. */
    public static final String CONFIG_NAME = "spring.config.name=avatar-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(AvatarServiceApplication.class)
                .properties(CONFIG_NAME)
                .run(args);
    }
}
