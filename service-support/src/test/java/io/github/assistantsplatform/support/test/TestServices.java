package io.github.assistantsplatform.support.test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A service of this system started in the test's JVM, as a replica or as the neighbour a service
 * under test calls: on a random port, with the test JWT secret and the shared Kafka broker. The
 * caller closes it.
 */
public final class TestServices {

    private TestServices() {}

    /**
     * @param configName the application's {@code spring.config.name=...} property
     * @param arguments  more command-line arguments, e.g. {@link EmbeddedPostgresServer.Database#arguments()}
     */
    public static ConfigurableApplicationContext start(Class<?> application, String configName, String... arguments) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.server.port=0",
                "--assistants.jwt.secret=" + TestTokens.SECRET,
                "--assistants.kafka.bootstrap-servers=" + TestKafka.broker().bootstrapServers()));
        all.addAll(List.of(arguments));
        return new SpringApplicationBuilder(application).properties(configName).run(all.toArray(String[]::new));
    }

    public static int portOf(ConfigurableApplicationContext service) {
        return ((WebServerApplicationContext) service).getWebServer().getPort();
    }
}
