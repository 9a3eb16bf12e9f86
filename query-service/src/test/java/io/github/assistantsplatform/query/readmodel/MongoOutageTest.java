package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.QueryServiceApplication;
import io.github.assistantsplatform.query.TestSystem;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;

/**
 * MongoDB goes away while writes go on: reads answer 503, the projections wait instead of skipping,
 * and once MongoDB is back (empty) the read model and the audit log converge to every write, none skipped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "assistants.jwt.secret=" + TestTokens.SECRET})
class MongoOutageTest {

    private static final TestSystem SYSTEM = new TestSystem();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SYSTEM.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void readsAnswer503AndTheProjectionCatchesUpAfterRecovery() {
        HttpApi reads = new HttpApi(port);
        HttpApi writes = SYSTEM.commands();
        String before = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Before outage"))
                .json()
                .get("id")
                .asString();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.get("/api/v1/assistants/" + before, null).status() == 200);

        SYSTEM.stopMongo();
        Response duringOutage = reads.get("/api/v1/assistants/" + before, null);
        writes.put(
                "/api/v1/assistants/" + before, TestTokens.admin(), Map.of("description", "changed during the outage"));
        String during = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Created during outage"))
                .json()
                .get("id")
                .asString();
        writes.put("/api/v1/assistants/" + during, TestTokens.admin(), Map.of("top_k_retrieval", 60));

        assertThat(duringOutage.status()).as(duringOutage.toString()).isEqualTo(503);
        assertThat(duringOutage.json().get("code").asString()).isEqualTo("DEPENDENCY_UNAVAILABLE");
        assertThat(reads.get("/api/v1/assistants", null).status()).isEqualTo(503);
        Response readiness = reads.get("/readyz", null);
        assertThat(readiness.status()).as("out of rotation").isEqualTo(503);
        assertThat(readiness.body()).doesNotContain("Exception", "localhost");
        assertThat(reads.get("/livez", null).status())
                .as("not restarted for an outage it cannot mend")
                .isEqualTo(200);

        SYSTEM.restartMongo();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> reads.get("/readyz", null).status() == 200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response recovered = reads.get("/api/v1/assistants/" + during, null);
            assertThat(recovered.status()).isEqualTo(200);
            assertThat(recovered.json().get("top_k_retrieval").asInt()).isEqualTo(60);
            assertThat(recovered.json().get("version").asLong()).isEqualTo(1);
        });
        Response changed = reads.get("/api/v1/assistants/" + before, null);
        assertThat(changed.json().get("description").asString()).isEqualTo("changed during the outage");
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        // the audit log skipped nothing either: its writes failed, and were tried again
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(reads.get("/api/v1/admin/audit?assistant_id=" + during, TestTokens.admin())
                                        .json())
                                .hasSize(2));
        assertThat(reads.get("/api/v1/admin/audit?type=AssistantUpdated&assistant_id=" + before, TestTokens.admin())
                        .json())
                .hasSize(1);
    }
}
