package io.github.assistantsplatform.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceApplication;
import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

/** PostgreSQL refusing connections: writes answer 503, record nothing, and work again afterwards. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandServiceApplication.CONFIG_NAME,
            "assistants.jwt.secret=" + TestTokens.SECRET,
            "spring.datasource.hikari.connection-timeout=1000"
        })
class EventStoreOutageTest {

    private static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();

    @DynamicPropertySource
    static void eventStore(DynamicPropertyRegistry registry) {
        EVENT_STORE.configure(registry);
        registry.add(
                "assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void reopen() {
        EmbeddedPostgresServer.admin("ALTER DATABASE " + EVENT_STORE.name() + " ALLOW_CONNECTIONS true");
    }

    @Test
    void writesAnswer503WhileTheEventStoreIsDownAndRecordNothing() {
        HttpApi api = new HttpApi(port);
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Resilient"))
                .json()
                .get("id")
                .asString();

        EmbeddedPostgresServer.admin("ALTER DATABASE " + EVENT_STORE.name() + " ALLOW_CONNECTIONS false");
        EmbeddedPostgresServer.admin(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + EVENT_STORE.name() + "'");
        Response duringOutage = api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "Lost?"));
        Response createDuringOutage = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Never"));

        assertThat(duringOutage.status()).as(duringOutage.toString()).isEqualTo(503);
        assertThat(duringOutage.json().get("code").asString()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(duringOutage.json().get("type").asString()).isEqualTo("TECHNICAL");
        assertThat(duringOutage.body()).doesNotContain("Exception", "postgres", "jdbc");
        assertThat(createDuringOutage.status()).isEqualTo(503);

        EmbeddedPostgresServer.admin("ALTER DATABASE " + EVENT_STORE.name() + " ALLOW_CONNECTIONS true");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "Recovered"))
                                        .status())
                        .isEqualTo(200));

        assertThat(jdbc.queryForList(
                        "SELECT convert_from(payload, 'UTF8') FROM domain_event_entry ORDER BY global_index",
                        String.class))
                .hasSize(2)
                .noneMatch(payload -> payload.contains("Lost?") || payload.contains("Never"));
    }
}
