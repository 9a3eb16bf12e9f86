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
 * query-service started while MongoDB is down: the projection's very first batch waits for MongoDB
 * like every later one, so nothing is dead-lettered and the read model converges once it is up.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {QueryServiceApplication.CONFIG_NAME, "assistants.jwt.secret=" + TestTokens.SECRET})
class MongoDownAtStartTest {

    private static final TestSystem SYSTEM = new TestSystem().withMongoDownAtStart();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SYSTEM.configure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void eventsProjectedBeforeMongoDbIsUpWaitInsteadOfBeingDeadLettered() {
        HttpApi reads = new HttpApi(port);
        HttpApi writes = SYSTEM.commands();
        long waitedBefore = MongoRetry.waits();
        String id = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Before MongoDB"))
                .json()
                .get("id")
                .asString();
        writes.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", "still before"));
        assertThat(reads.get("/api/v1/assistants/" + id, null).status()).isEqualTo(503);
        // the projection has tried its first batch, and waits (before the fix, it dead-lettered it)
        await().atMost(Duration.ofSeconds(30)).until(() -> MongoRetry.waits() > waitedBefore + 1);

        SYSTEM.restartMongo();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response projected = reads.get("/api/v1/assistants/" + id, null);
            assertThat(projected.status()).as(projected.toString()).isEqualTo(200);
            assertThat(projected.json().get("version").asLong()).isEqualTo(1);
        });
        assertThat(reads.get("/api/v1/admin/dead-letters", TestTokens.admin()).json())
                .isEmpty();
    }
}
