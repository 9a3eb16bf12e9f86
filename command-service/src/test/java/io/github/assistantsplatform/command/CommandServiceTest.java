package io.github.assistantsplatform.command;

import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
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

/**
 * command-service on a random port over a real PostgreSQL, with the event store schema applied by
 * its Flyway migrations. Test classes share one application (and database) when their
 * configuration is the same; each test works on assistants of its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {CommandServiceApplication.CONFIG_NAME, "assistants.jwt.secret=" + TestTokens.SECRET})
public abstract class CommandServiceTest {

    private static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        EVENT_STORE.configure(registry);
        registry.add(
                "assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
    }

    /** Another command-service on the same event store: a second replica of this one. The caller closes it. */
    protected static ConfigurableApplicationContext startReplica() {
        return TestServices.start(
                CommandServiceApplication.class, CommandServiceApplication.CONFIG_NAME, EVENT_STORE.arguments());
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
