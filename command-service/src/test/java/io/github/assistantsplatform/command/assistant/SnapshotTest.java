package io.github.assistantsplatform.command.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.model.AssistantSnapshot;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

/**
 * An assistant with a long history is loaded from its latest snapshot and the events after it, not from
 * every event; a snapshot of another shape (revision) is passed over. Proved by rewriting the stored snapshot:
 * the next command then starts from what it says.
 */
class SnapshotTest extends CommandServiceTest {

    private static final String SNAPSHOTS_OF =
            "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?";

    @Test
    void anAssistantWithALongHistoryIsLoadedFromItsSnapshot() {
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Snapshotted"))
                .json()
                .get("id")
                .asString();
        for (int change = 1; change <= 120; change++) {
            assertThat(update(id, "change " + change).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(SNAPSHOTS_OF, Long.class, id) > 0);
        assertThat(jdbc.queryForObject(
                        "SELECT payload_revision FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                        String.class,
                        id))
                .isEqualTo(AssistantSnapshot.REVISION);

        jdbc.update(
                "UPDATE snapshot_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'\"name\":\"Snapshotted\"', '\"name\":\"Read from the snapshot\"'), 'UTF8') "
                        + "WHERE aggregate_identifier = ?",
                id);
        Response fromSnapshot = update(id, "after the snapshot");

        assertThat(fromSnapshot.status()).isEqualTo(200);
        assertThat(fromSnapshot.json().get("name").asString()).isEqualTo("Read from the snapshot");
        assertThat(fromSnapshot.json().get("description").asString()).isEqualTo("after the snapshot");
        assertThat(fromSnapshot.json().get("version").asLong()).isEqualTo(121);

        jdbc.update("UPDATE snapshot_event_entry SET payload_revision = '0' WHERE aggregate_identifier = ?", id);
        Response fromEvents = update(id, "snapshot passed over");

        assertThat(fromEvents.json().get("name").asString())
                .as("folded from the events")
                .isEqualTo("Snapshotted");
        assertThat(fromEvents.json().get("version").asLong()).isEqualTo(122);
    }

    private Response update(String id, String description) {
        return api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", description));
    }
}
