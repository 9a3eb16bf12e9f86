package io.github.assistantsplatform.command;

import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.S3ServerHandle;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

/**
 * command-service on a random port over a real PostgreSQL, with the event store schema applied by
 * its Flyway migrations. Test classes share one application (and database) when their
 * configuration is the same; each test works on assistants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandServiceApplication.CONFIG_NAME,
            "assistants.jwt.secret=" + TestTokens.SECRET,
            // anchors only when a test asks for one, over everything stored until then
            "assistants.audit.anchor-interval=1h",
            "assistants.audit.anchor-settle=0s"
        })
public abstract class CommandServiceTest {

    private static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();

    /** Where the audit's anchors are written. */
    public static final S3ServerHandle S3 = S3ServerHandle.started();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        services(registry, EVENT_STORE);
    }

    /** The servers command-service talks to, over the given event store (a test class with a store of its own). */
    public static void services(DynamicPropertyRegistry registry, EmbeddedPostgresServer.Database eventStore) {
        eventStore.configure(registry);
        registry.add(
                "assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
        registry.add("assistants.s3.endpoint", S3::endpoint);
        registry.add("assistants.s3.access-key", () -> S3ServerHandle.ACCESS_KEY);
        registry.add("assistants.s3.secret-key", () -> S3ServerHandle.SECRET_KEY);
    }

    /** Another command-service on the same event store: a second replica of this one. The caller closes it. */
    protected static ConfigurableApplicationContext startReplica() {
        List<String> arguments = new ArrayList<>(List.of(EVENT_STORE.arguments()));
        arguments.addAll(List.of(
                "--assistants.audit.anchor-interval=1h",
                "--assistants.s3.endpoint=" + S3.endpoint(),
                "--assistants.s3.access-key=" + S3ServerHandle.ACCESS_KEY,
                "--assistants.s3.secret-key=" + S3ServerHandle.SECRET_KEY));
        return TestServices.start(
                CommandServiceApplication.class,
                CommandServiceApplication.CONFIG_NAME,
                arguments.toArray(String[]::new));
    }

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcTemplate jdbc;

    protected HttpApi api;

    /** The actuator's own port, which is not published. */
    protected HttpApi management;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
        management = new HttpApi(managementPort);
    }
}
