package io.github.assistantsplatform.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What lands in the event table: readable JSON, who and which request, one row per real change. */
class EventStoreTest extends CommandServiceTest {

    @Test
    void everyEventIsStoredAsReadableJsonWithItsActorAndRequest() {
        String id = api.send(
                        "POST",
                        "/api/v1/assistants",
                        TestTokens.admin("admin-carol"),
                        Map.of("name", "Audited"),
                        Map.of("X-Request-Id", "req-create-1", "X-Correlation-Id", "journey-42"))
                .json()
                .get("id")
                .asString();
        api.send(
                "PUT",
                "/api/v1/assistants/" + id,
                TestTokens.admin("admin-dave"),
                Map.of("description", "now described"),
                Map.of("X-Request-Id", "req-update-1"));
        api.delete("/api/v1/assistants/" + id, TestTokens.admin("admin-erin"));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT sequence_number, payload_type, payload_revision,
                       convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta_data
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", id);

        assertThat(rows)
                .extracting(row -> row.get("payload_type") + " " + row.get("payload_revision"))
                .as("type names and revisions, not Java classes")
                .containsExactly("AssistantCreated 2", "AssistantUpdated 1", "AssistantDeleted 1");
        JsonNode created = json(rows.get(0).get("payload"));
        assertThat(created.get("settings").get("name").asString()).isEqualTo("Audited");
        assertThat(created.get("settings").get("top_k_retrieval").asInt()).isEqualTo(25);
        JsonNode updated = json(rows.get(1).get("payload"));
        assertThat(updated.get("changes").propertyNames()).containsExactly("description");

        JsonNode createdBy = json(rows.get(0).get("meta_data"));
        assertThat(createdBy.get("actor").asString()).isEqualTo("admin-carol");
        assertThat(createdBy.get("request_id").asString()).isEqualTo("req-create-1");
        assertThat(createdBy.get("correlation_id").asString()).isEqualTo("journey-42");
        JsonNode updatedBy = json(rows.get(1).get("meta_data"));
        assertThat(updatedBy.get("actor").asString()).isEqualTo("admin-dave");
        assertThat(updatedBy.get("correlation_id").asString())
                .as("defaults to the request id")
                .isEqualTo("req-update-1");
        assertThat(json(rows.get(2).get("meta_data")).get("actor").asString()).isEqualTo("admin-erin");
    }

    @Test
    void anUpdateThatChangesNothingAppendsNothingAndKeepsTheVersion() {
        HttpApi.Response created =
                api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Same", "description", "d"));
        String id = created.json().get("id").asString();

        HttpApi.Response same =
                api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "Same", "description", "d"));

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isZero();
        assertThat(same.header("ETag")).isEqualTo("\"0\"");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .isEqualTo(1);
    }

    /**
     * One global index value per event, not 50 (Hibernate's default allocation), so that tracking
     * processors see no gaps in what one writer appends. (A write that fails, such as the loser of two
     * replicas appending the same sequence, leaves a gap by design; the processors' tokens track those.)
     */
    @Test
    void eventsAppendedOneAfterAnotherHaveConsecutiveGlobalIndexes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Dense " + i))
                    .json()
                    .get("id")
                    .asString());
        }

        List<Long> indexes = new ArrayList<>();
        for (String id : ids) {
            indexes.add(jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id));
        }

        assertThat(indexes).isSorted();
        assertThat(indexes.get(4) - indexes.get(0)).isEqualTo(4);
    }

    @Test
    void theResponseOfAWriteIsTheStateItRecorded() {
        HttpApi.Response created = api.post(
                "/api/v1/assistants",
                TestTokens.admin(),
                Map.of("name", "Fresh", "avatar_bg_color", "#FAFAFA", "model", "mistral"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/assistants/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("avatar_text_color").asString()).isEqualTo("black");
        assertThat(created.json().get("model_provider").asString()).isEqualTo("mistral");
        assertThat(created.json().get("created_at").asString())
                .isEqualTo(created.json().get("updated_at").asString());
        String storedAt = jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ?", String.class, id);
        assertThat(java.time.Instant.parse(storedAt))
                .isEqualTo(
                        java.time.Instant.parse(created.json().get("created_at").asString()));
    }

    private static JsonNode json(Object text) {
        return HttpApi.JSON.readTree((String) text);
    }
}
