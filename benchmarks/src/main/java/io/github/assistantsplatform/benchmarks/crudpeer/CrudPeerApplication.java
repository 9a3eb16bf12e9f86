package io.github.assistantsplatform.benchmarks.crudpeer;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The benchmarks' baseline for writes: what a team would build without event sourcing. The same
 * HTTP edge as the services (JWT, error body, request ids), the same validation of the same create
 * request, then one INSERT of the assistant as a row; no events, no projection, no Kafka.
 */
@SpringBootApplication
public class CrudPeerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(CrudPeerApplication.class)
                .properties("spring.config.name=crud-peer")
                .run(args);
    }
}
