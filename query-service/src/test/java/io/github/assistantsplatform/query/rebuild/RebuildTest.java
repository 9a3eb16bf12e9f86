package io.github.assistantsplatform.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class RebuildTest extends QueryServiceTest {

    private static final String REBUILD = "/api/v1/admin/read-model/rebuild";

    @Autowired
    ReadModel readModel;

    @Autowired
    MongoDatabase database;

    @Test
    void aRebuildProducesExactlyTheIncrementallyBuiltModelWhileReadsGoOn() {
        String kept = create(Map.of("name", "Rebuilt kept", "user_authentication", true));
        update(kept, Map.of("description", "described", "configuration", Map.of("top_p", 0.3)));
        String deleted = create(Map.of("name", "Rebuilt deleted"));
        delete(deleted);
        for (int i = 0; i < 150; i++) {
            writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Rebuild filler " + i));
        }
        String last = create(Map.of("name", "Rebuilt last"));
        List<JsonNode> before = everything();
        List<String> indexesBefore = activeIndexes();

        Response started = reads.post(REBUILD, TestTokens.admin(), null);
        Response second = reads.post(REBUILD, TestTokens.admin(), null);
        List<Integer> readsDuringRebuild = new ArrayList<>();
        JsonNode done = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            readsDuringRebuild.add(reads.get("/api/v1/assistants/" + kept, TestTokens.user())
                                    .status());
                            return reads.get(REBUILD, TestTokens.admin()).json();
                        },
                        progress -> !progress.get("state").asString().equals("RUNNING"));

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("state").asString()).isEqualTo("RUNNING");
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("events_done").asLong())
                .isGreaterThanOrEqualTo(done.get("head_position").asLong())
                .isGreaterThan(150);
        assertThat(readsDuringRebuild).containsOnly(200);
        assertThat(management.get("/actuator/prometheus", null).body())
                .as("the replica that ran it measures it")
                .contains("assistants_read_model_rebuild_events_replayed "
                        + done.get("events_done").asLong() + ".0")
                .contains("assistants_read_model_rebuild_target_position "
                        + done.get("head_position").asLong() + ".0")
                .contains("assistants_read_model_rebuild_running 0.0");
        assertThat(everything()).isEqualTo(before);
        assertThat(activeIndexes())
                .as("the rebuilt collection is indexed like the one it replaced")
                .isEqualTo(indexesBefore)
                .contains("visible_by_name", "public_by_name", "id_version");
        assertThat(reads.get("/api/v1/assistants/" + deleted, TestTokens.admin())
                        .status())
                .isEqualTo(404);
        assertThat(reads.get("/api/v1/assistants/" + last, TestTokens.admin()).status())
                .isEqualTo(200);
    }

    private List<String> activeIndexes() {
        return database
                .getCollection(readModel.active().collectionName())
                .listIndexes()
                .map(index -> index.getString("name"))
                .into(new ArrayList<>())
                .stream()
                .sorted()
                .toList();
    }

    @Test
    void writesAfterARebuildReachTheNewModel() {
        rebuild();

        String id = create(Map.of("name", "After rebuild"));
        update(id, Map.of("name", "After rebuild, renamed"));

        assertThat(reads.get("/api/v1/assistants/" + id, null)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("After rebuild, renamed");
    }

    @Test
    void aRebuildRightAfterAnotherKeepsTheCollectionTheFirstReplacedWhileAReplicaMayStillReadIt() {
        String replacedByTheFirst = readModel.active().collectionName();
        rebuild();
        String rebuiltByTheFirst = readModel.active().collectionName();

        rebuild();

        assertThat(readModel.active().collectionName()).isNotIn(replacedByTheFirst, rebuiltByTheFirst);
        assertThat(database.listCollectionNames().into(new ArrayList<>()))
                .as("both replaced less than %s ago", ReadModel.DROP_DELAY)
                .contains(replacedByTheFirst, rebuiltByTheFirst);
    }

    @Test
    void rebuildingIsForAdmins() {
        assertThat(reads.post(REBUILD, null, null).status()).isEqualTo(401);
        assertThat(reads.post(REBUILD, TestTokens.user(), null).status()).isEqualTo(403);
        assertThat(reads.get(REBUILD, TestTokens.user()).status()).isEqualTo(403);
    }

    @Test
    void aRebuildWritesTheAuditLogAgainToo() {
        String id = create(Map.of("name", "Audited, then its log lost"));
        update(id, Map.of("description", "changed"));
        String log = "/api/v1/admin/audit?assistant_id=" + id;
        await().atMost(Duration.ofSeconds(10))
                .until(() -> reads.get(log, TestTokens.admin()).json().size() == 2);
        database.getCollection("audit_log").deleteMany(Filters.eq("assistant_id", id));
        assertThat(reads.get(log, TestTokens.admin()).json().size()).isZero();

        rebuild();

        JsonNode rebuilt = reads.get(log, TestTokens.admin()).json();
        assertThat(rebuilt).hasSize(2);
        assertThat(rebuilt.get(0).get("type").asString()).isEqualTo("AssistantUpdated");
        assertThat(rebuilt.get(1).get("type").asString()).isEqualTo("AssistantCreated");
    }

    private void rebuild() {
        assertThat(reads.post(REBUILD, TestTokens.admin(), null).status()).isEqualTo(202);
        String state = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> reads.get(REBUILD, TestTokens.admin())
                                .json()
                                .get("state")
                                .asString(),
                        now -> !now.equals("RUNNING"));
        assertThat(state).isEqualTo("COMPLETED");
    }

    private List<JsonNode> everything() {
        List<JsonNode> all = new ArrayList<>();
        reads.get("/api/v1/assistants?limit=1000", TestTokens.admin()).json().forEach(all::add);
        return all;
    }
}
