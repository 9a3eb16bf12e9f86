package io.github.assistantsplatform.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The audit log across assistants: who changed what, newest first, by each filter, a page at a time. */
class AuditLogTest extends QueryServiceTest {

    @Test
    void everyChangeAcrossAssistantsNewestFirstByEachFilter() {
        String alice = "admin-alice-" + System.nanoTime();
        String bob = "admin-bob-" + System.nanoTime();
        String first = written(writes.post("/api/v1/assistants", TestTokens.admin(alice), Map.of("name", "Audited A")));
        written(writes.put("/api/v1/assistants/" + first, TestTokens.admin(bob), Map.of("description", "by bob")));
        String second = written(writes.post("/api/v1/assistants", TestTokens.admin(bob), Map.of("name", "Audited B")));

        List<JsonNode> ofFirst = await().atMost(Duration.ofSeconds(10))
                .until(() -> entries("?assistant_id=" + first), entries -> entries.size() == 2);
        assertThat(ofFirst)
                .extracting(entry -> entry.get("type").asString())
                .as("newest first")
                .containsExactly("AssistantUpdated", "AssistantCreated");
        JsonNode updated = ofFirst.get(0);
        assertThat(updated.get("assistant_id").asString()).isEqualTo(first);
        assertThat(updated.get("sequence").asLong()).isEqualTo(1);
        assertThat(updated.get("actor").asString()).isEqualTo(bob);
        assertThat(updated.get("changes").get("description").asString()).isEqualTo("by bob");
        assertThat(updated.get("chain_hash").asString()).matches("[0-9a-f]{64}");
        assertThat(updated.get("position").asLong())
                .isGreaterThan(ofFirst.get(1).get("position").asLong());

        List<JsonNode> byBob = await().atMost(Duration.ofSeconds(10))
                .until(() -> entries("?actor=" + bob), entries -> entries.size() == 2);
        assertThat(byBob)
                .extracting(entry -> entry.get("assistant_id").asString())
                .containsExactly(second, first);
        assertThat(entries("?actor=" + alice + "&type=AssistantCreated")).hasSize(1);
        assertThat(entries("?actor=" + alice + "&type=AssistantUpdated")).isEmpty();
        String createdAt = ofFirst.get(1).get("timestamp").asString();
        assertThat(entries("?assistant_id=" + first + "&to=" + createdAt))
                .as("to is exclusive")
                .isEmpty();
        assertThat(entries("?assistant_id=" + first + "&from=" + createdAt)).hasSize(2);

        Response page = reads.get("/api/v1/admin/audit?assistant_id=" + first + "&skip=1&limit=1", TestTokens.admin());
        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(page.json().get(0).get("type").asString()).isEqualTo("AssistantCreated");
    }

    @Test
    void badFiltersAre422AndTheLogIsAdminOnly() {
        for (String query : List.of(
                "?type=Nope",
                "?from=yesterday",
                "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                "?limit=0",
                "?assistant_id=not-a-uuid")) {
            Response response = reads.get("/api/v1/admin/audit" + query, TestTokens.admin());
            assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(422);
            assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        }
        assertThat(reads.get("/api/v1/admin/audit", TestTokens.user()).status()).isEqualTo(403);
        assertThat(reads.get("/api/v1/admin/audit", null).status()).isEqualTo(401);
    }

    private List<JsonNode> entries(String query) {
        Response response = reads.get("/api/v1/admin/audit" + query, TestTokens.admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        response.json().forEach(entries::add);
        return entries;
    }

    private static String written(Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json().get("id").asString();
    }
}
