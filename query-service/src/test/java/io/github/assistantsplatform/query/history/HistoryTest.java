package io.github.assistantsplatform.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

class HistoryTest extends QueryServiceTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void historyTellsWhoChangedWhatAndWhen() {
        String id = writes.send(
                        "POST",
                        "/api/v1/assistants",
                        TestTokens.admin("admin-ann"),
                        Map.of("name", "Audited"),
                        Map.of("X-Request-Id", "req-1"))
                .json()
                .get("id")
                .asString();
        writes.put(
                "/api/v1/assistants/" + id,
                TestTokens.admin("admin-ben"),
                Map.of("description", "d", "top_k_retrieval", 40));
        writes.put("/api/v1/assistants/" + id, TestTokens.admin("admin-ben"), Map.of("description", "d"));
        writes.delete("/api/v1/assistants/" + id, TestTokens.admin("admin-cat"));

        Response history = reads.get("/api/v1/assistants/" + id + "/history", TestTokens.admin());

        assertThat(history.status()).isEqualTo(200);
        JsonNode events = history.json();
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("type").asString()).isEqualTo("AssistantCreated");
        assertThat(events.get(0).get("actor").asString()).isEqualTo("admin-ann");
        assertThat(events.get(0).get("request_id").asString()).isEqualTo("req-1");
        assertThat(events.get(0).get("changes").get("name").asString()).isEqualTo("Audited");
        assertThat(events.get(1).get("type").asString()).isEqualTo("AssistantUpdated");
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(1).get("actor").asString()).isEqualTo("admin-ben");
        assertThat(events.get(1).get("changes").propertyNames())
                .containsExactlyInAnyOrder("description", "top_k_retrieval");
        assertThat(events.get(1).get("changes").get("top_k_retrieval").asInt()).isEqualTo(40);
        assertThat(events.get(2).get("type").asString()).isEqualTo("AssistantDeleted");
        assertThat(events.get(2).get("actor").asString()).isEqualTo("admin-cat");
        assertThat(Instant.parse(events.get(2).get("timestamp").asString()))
                .isAfterOrEqualTo(Instant.parse(events.get(0).get("timestamp").asString()));
    }

    @Test
    void asOfShowsTheAssistantAsItWasThen() throws InterruptedException {
        Instant beforeCreation = Instant.now().minusSeconds(1);
        JsonNode created = writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Then"))
                .json();
        String id = created.get("id").asString();
        Instant afterCreation = pause();
        JsonNode renamed = writes.put(
                        "/api/v1/assistants/" + id, TestTokens.admin(), Map.of("name", "Now", "description", "d"))
                .json();
        Instant afterRename = pause();
        writes.delete("/api/v1/assistants/" + id, TestTokens.admin());
        Instant afterDeletion = pause();

        assertThat(asOf(id, beforeCreation).status()).isEqualTo(404);
        assertThat(asOf(id, afterCreation).json()).isEqualTo(created);
        assertThat(asOf(id, afterRename).json()).isEqualTo(renamed);
        assertThat(asOf(id, afterDeletion).status()).isEqualTo(404);
        assertThat(reads.get(
                                "/api/v1/assistants/" + id + "?as_of="
                                        + afterCreation.toString().replace("Z", "%2B00:00"),
                                TestTokens.admin())
                        .json())
                .isEqualTo(created);
    }

    @Test
    void theAuditViewIsForAdmins() {
        String id = create(Map.of("name", "Guarded history"));
        String now = Instant.now().toString();

        assertThat(reads.get("/api/v1/assistants/" + id + "/history", null).status())
                .isEqualTo(401);
        assertThat(reads.get("/api/v1/assistants/" + id + "/history", TestTokens.user())
                        .status())
                .isEqualTo(403);
        assertThat(reads.get("/api/v1/assistants/" + id + "?as_of=" + now, null).status())
                .isEqualTo(401);
        assertThat(reads.get("/api/v1/assistants/" + id + "?as_of=" + now, TestTokens.user())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void unknownAssistantsAndBadInstants() {
        assertThat(reads.get("/api/v1/assistants/" + UUID.randomUUID() + "/history", TestTokens.admin())
                        .status())
                .isEqualTo(404);
        Response badInstant =
                reads.get("/api/v1/assistants/" + UUID.randomUUID() + "?as_of=yesterday", TestTokens.admin());
        assertThat(badInstant.status()).isEqualTo(422);
        assertThat(badInstant.json().get("details").get(0).get("field").asString())
                .isEqualTo("as_of");
    }

    /** Long enough that command-service has snapshotted it: the history still reads every event. */
    @Test
    void aLongHistoryIsReadAPageAtATimeOldestOrNewestFirst() {
        String id = create(Map.of("name", "Long history"));
        for (int change = 1; change < 120; change++) {
            describe(id, change);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id))
                .as("command-service snapshotted it")
                .isPositive();

        Response firstPage = history(id, "");
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.raw().headers().firstValue("X-Total-Count")).contains("120");
        assertThat(sequences(firstPage)).hasSize(100).startsWith(0L, 1L).endsWith(99L);
        assertThat(sequences(history(id, "?skip=100&limit=50")))
                .hasSize(20)
                .startsWith(100L)
                .endsWith(119L);
        assertThat(sequences(history(id, "?order=newest&limit=3"))).containsExactly(119L, 118L, 117L);
        assertThat(sequences(history(id, "?order=newest&skip=118&limit=5"))).containsExactly(1L, 0L);
        assertThat(sequences(history(id, "?skip=500"))).isEmpty();
        assertThat(history(id, "?limit=0").status()).isEqualTo(422);
        assertThat(history(id, "?limit=1001").status()).isEqualTo(422);
        Response sideways = history(id, "?order=sideways");
        assertThat(sideways.status()).isEqualTo(422);
        assertThat(sideways.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");

        JsonNode now = asOf(id, Instant.now()).json();
        assertThat(now.get("version").asLong()).isEqualTo(119);
        assertThat(now.get("description").asString()).isEqualTo("change 119");
    }

    @Test
    void asOfFoldsOnFromTheLatestSnapshotWhenItCoversTheInstant() throws InterruptedException {
        String id = create(Map.of("name", "Snapshot source"));
        Instant early = null;
        for (int change = 1; change <= 120; change++) {
            describe(id, change);
            if (change == 10) {
                early = pause();
            }
        }
        long snapshotAt = jdbc.queryForObject(
                "SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        // marked, so that an answer shows where its fold began
        jdbc.update(
                "UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'\"name\":\"Snapshot source\"', '\"name\":\"Read from the snapshot\"'), 'UTF8') "
                        + "WHERE aggregate_identifier = ?",
                id);

        JsonNode now = asOf(id, Instant.now()).json();
        JsonNode then = asOf(id, early).json();

        assertThat(snapshotAt).isBetween(11L, 119L);
        assertThat(now.get("name").asString()).isEqualTo("Read from the snapshot");
        assertThat(now.get("version").asLong()).isEqualTo(120);
        assertThat(now.get("description").asString()).isEqualTo("change 120");
        assertThat(then.get("name").asString())
                .as("before the snapshot: from the events")
                .isEqualTo("Snapshot source");
        assertThat(then.get("version").asLong()).isEqualTo(10);
    }

    /** An update of the description to "change {@code change}". */
    private void describe(String id, int change) {
        assertThat(writes.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", "change " + change))
                        .status())
                .isEqualTo(200);
    }

    private Response history(String id, String query) {
        return reads.get("/api/v1/assistants/" + id + "/history" + query, TestTokens.admin());
    }

    private static List<Long> sequences(Response history) {
        return history.json()
                .valueStream()
                .map(entry -> entry.get("sequence").asLong())
                .toList();
    }

    private Response asOf(String id, Instant instant) {
        return reads.get("/api/v1/assistants/" + id + "?as_of=" + instant, TestTokens.admin());
    }

    /** The instant between two writes: events are stamped to the millisecond. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        return between;
    }
}
