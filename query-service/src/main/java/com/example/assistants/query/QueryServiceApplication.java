package com.example.assistants.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class QueryServiceApplication {

    /** Each service reads {@code <service>.yml}, so that services can share a classpath (tests) without sharing configuration. */
    public static final String CONFIG_NAME = "spring.config.name=query-service";

    public static void main(String[] args) {
        new SpringApplicationBuilder(QueryServiceApplication.class).properties(CONFIG_NAME).run(args);
    }
}
