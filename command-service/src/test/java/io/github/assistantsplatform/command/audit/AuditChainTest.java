package io.github.assistantsplatform.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.audit.Anchor;
import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.ExportVerifier;
import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.command.CommandServiceApplication;
import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.command.eventstore.EventRows;
import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.S3ServerHandle;
import io.github.assistantsplatform.support.test.TestTokens;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit chain over a store of its own: what verify reports when a row is changed, deleted, reordered
 * or forged with SQL (each at its exact place), that an untouched store verifies, that events stored
 * before the chain are covered by the first anchor, and that an export verifies offline. Every test puts
 * back what it tampered with.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandServiceApplication.CONFIG_NAME,
            "assistants.jwt.secret=" + TestTokens.SECRET,
            "assistants.audit.anchor-interval=1h",
            "assistants.audit.anchor-settle=0s"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditChainTest {

    private static final EmbeddedPostgresServer.Database AUDITED_STORE = EmbeddedPostgresServer.newDatabase();
    private static final S3ServerHandle S3 = CommandServiceTest.S3;

    @DynamicPropertySource
    static void auditedStore(DynamicPropertyRegistry registry) {
        CommandServiceTest.services(registry, AUDITED_STORE);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private HttpApi api;

    @TempDir
    Path exports;

    @BeforeEach
    void client() {
        api = new HttpApi(port);
    }

    @Test
    @Order(1)
    void eventsStoredBeforeTheChainAreCoveredByTheFirstAnchorAndAnUntouchedStoreVerifies() {
        String legacy = UUID.randomUUID().toString();
        EventRows.insert(
                jdbc,
                List.of(
                        legacyRow(legacy, 0, "com.example.assistants.api.event.AssistantCreated", """
                        {"assistant_id":"%s","settings":{"name":"Legacy bot","description":"Before the chain",\
                        "avatar_bg_color":"primary","avatar_text_color":null,"avatar_vertical_position":50,\
                        "instructions":"You are a helpful assistant.","model":"gpt-4o","use_reranker":false,\
                        "rerank_provider":"cohere","top_k_retrieval":25,"top_n_rerank":5,\
                        "retrieval_similarity_cutoff":0.5,"similarity_cutoff":0.5,"use_semantic_cache":false,\
                        "cache_similarity_threshold":0.9,"cache_ttl_seconds":3600,"user_authentication":false,\
                        "is_enabled":true,"configuration":{"temperature":0.3,"top_p":1.0,"presence_penalty":0.0,"frequency_penalty":0.0,\
                        "max_output_tokens":4096,"tags":["legacy"]},"linked_connector_ids":[]}}"""),
                        legacyRow(legacy, 1, "com.example.assistants.api.event.AssistantUpdated", """
                        {"assistant_id":"%s","changes":{"description":null,"top_k_retrieval":10}}""")));
        update(legacy, Map.of("name", "Legacy bot, now chained"));
        String chained = create("Chained from the start");
        update(chained, Map.of("description", "changed once"));

        JsonNode anchor = anchor(201);
        assertThat(anchor.get("anchor").asLong()).isEqualTo(1);
        assertThat(anchor.get("legacy_events").asLong()).isEqualTo(2);
        assertThat(anchor.get("chain_start").asLong()).isEqualTo(position(legacy, 2));
        assertThat(anchor.get("streams").asLong()).isEqualTo(2);

        JsonNode report = verify();
        assertThat(report.get("status").asString()).as(report.toString()).isEqualTo("intact");
        assertThat(report.get("broken").size()).isZero();
        assertThat(report.get("legacy_events").asLong()).isEqualTo(2);
        assertThat(report.get("linked_events").asLong()).isEqualTo(4);
        assertThat(report.get("anchor").get("root").asString())
                .isEqualTo(anchor.get("root").asString());
        assertThat(report.get("coverage").asString()).contains("2 events were stored before the chain existed");
        assertThat(report.get("events_per_second").asLong()).isPositive();
        assertThat(anchor(200).get("anchor").asLong())
                .as("nothing stored since: the same anchor")
                .isEqualTo(1);

        // a change to a row from before the chain, made after the first anchor, is caught by it
        byte[] original = payload(legacy, 0);
        setPayload(legacy, 0, replace(original, "Before the chain", "Rewritten later"));
        try {
            JsonNode tampered = verify();
            assertThat(problems(tampered)).contains("anchor_mismatch");
            assertThat(tampered.get("broken"))
                    .as("the first chained event of the stream no longer follows the rows before it")
                    .anySatisfy(broken -> {
                        assertThat(broken.get("stream").asString()).isEqualTo(legacy);
                        assertThat(broken.get("sequence").asLong()).isEqualTo(2);
                        assertThat(broken.get("problem").asString()).isEqualTo("event_changed");
                    });
        } finally {
            setPayload(legacy, 0, original);
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void oneChangedPayloadByteIsReportedAtItsEvent() {
        String id = assistantWithUpdates("Payload byte", 2);
        byte[] original = payload(id, 1);
        setPayload(id, 1, replace(original, "revision 1", "revision X"));
        try {
            JsonNode first = onlyBreak(verify());
            assertThat(first.get("problem").asString()).isEqualTo("payload_changed");
            assertThat(first.get("stream").asString()).isEqualTo(id);
            assertThat(first.get("sequence").asLong()).isEqualTo(1);
            assertThat(first.get("position").asLong()).isEqualTo(position(id, 1));
        } finally {
            setPayload(id, 1, original);
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void aDeletedRowIsReportedAsMissing() {
        String id = assistantWithUpdates("Deleted row", 3);
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2", id);
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2", id);
        try {
            JsonNode first = onlyBreak(verify());
            assertThat(first.get("problem").asString()).isEqualTo("event_missing");
            assertThat(first.get("stream").asString()).isEqualTo(id);
            assertThat(first.get("sequence").asLong()).isEqualTo(2);
            assertThat(first.get("detail").asString()).contains("sequence 2 has no row");
        } finally {
            reinsert(row);
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void twoReorderedRowsAreReported() {
        String id = assistantWithUpdates("Reordered rows", 3);
        swapSequences(id, 1, 2);
        try {
            JsonNode first = onlyBreak(verify());
            assertThat(first.get("problem").asString()).isEqualTo("events_reordered");
            assertThat(first.get("stream").asString()).isEqualTo(id);
            assertThat(first.get("sequence").asLong()).isEqualTo(1);
            assertThat(first.get("detail").asString()).contains("after sequence 2");
        } finally {
            swapSequences(id, 1, 2);
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void aForgedEventIsReportedWhetherItCarriesNoLinkOrABorrowedOne() {
        String id = assistantWithUpdates("Forged event", 1);
        Map<String, Object> real = jdbc.queryForMap(
                "SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                id);
        byte[] forgedPayload = replace((byte[]) real.get("payload"), "revision 1", "granted to mallory");
        for (byte[] metadata : List.of(
                "{\"actor\":\"admin-mallory\"}".getBytes(StandardCharsets.UTF_8), (byte[]) real.get("meta_data"))) {
            EventRows.insert(
                    jdbc,
                    List.of(new EventRows.Row(
                            id,
                            2,
                            UUID.randomUUID().toString(),
                            "AssistantUpdated",
                            "1",
                            forgedPayload,
                            metadata,
                            Instant.now().toString())));
            try {
                JsonNode first = onlyBreak(verify());
                assertThat(first.get("stream").asString()).isEqualTo(id);
                assertThat(first.get("sequence").asLong()).isEqualTo(2);
                assertThat(first.get("position").asLong()).isEqualTo(position(id, 2));
                assertThat(first.get("problem").asString())
                        .isEqualTo(
                                CanonicalJson.parse(metadata).has(StoredEvent.HASH)
                                        ? "payload_changed"
                                        : "event_unchained");
            } finally {
                jdbc.update(
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2", id);
            }
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void aStreamRewrittenWithItsLinksRecomputedIsCaughtByTheAnchorAndNotAnchoredOver() {
        String id = assistantWithUpdates("Rehashed stream", 2);
        anchor(201);
        List<Map<String, Object>> originals = jdbc.queryForList(
                "SELECT sequence_number, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number",
                id);
        setPayload(id, 1, replace(payload(id, 1), "revision 1", "revision X"));
        relink(id);
        try {
            JsonNode report = verify();
            assertThat(problems(report)).containsExactly("anchor_mismatch");
            assertThat(report.get("first_broken").get("detail").asString()).contains("recorded");
            create("Stored after the rewrite");
            HttpApi.Response refused = api.post("/api/v1/admin/audit/anchors", TestTokens.admin(), Map.of());
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("message").asString()).contains("no longer gives anchor");
        } finally {
            for (Map<String, Object> original : originals) {
                jdbc.update(
                        "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                        original.get("payload"),
                        original.get("meta_data"),
                        id,
                        original.get("sequence_number"));
            }
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    @Test
    void anExportVerifiesOfflineAgainstTheBucketsAnchorAndATamperedOneDoesNot() throws Exception {
        String id = assistantWithUpdates("Exported", 2, "admin-exporter");
        JsonNode anchor = anchor(201);
        Anchor fromBucket = bucketAnchor(anchor.get("bucket_key").asString());

        Path export = export("");
        assertThat(Files.readAllLines(export).get(0)).contains("\"export\"");
        assertThat(verifyOffline(export, fromBucket)).contains("root matches").endsWith("intact\n");

        Path byActor = export("?actor=admin-exporter");
        assertThat(Files.readAllLines(byActor)).hasSize(1 + 3);
        assertThat(verifyOffline(byActor, null)).contains("a filtered export").endsWith("intact\n");

        byte[] original = payload(id, 1);
        setPayload(id, 1, replace(original, "revision 1", "revision X"));
        try {
            assertThat(verifyOffline(export("?assistant_id=" + id), null))
                    .contains("BROKEN PAYLOAD_CHANGED " + id + " sequence 1")
                    .endsWith("broken\n");
            assertThat(verifyOffline(export(""), fromBucket))
                    .contains("root differs")
                    .endsWith("broken\n");
        } finally {
            setPayload(id, 1, original);
        }
    }

    @Test
    void verifyStreamsItsProgressAndBadFiltersAndCallersChangeNothing() {
        HttpApi.Response lines = api.send(
                "POST",
                "/api/v1/admin/audit/verify",
                TestTokens.admin(),
                Map.of(),
                Map.of("Accept", "application/x-ndjson"));
        assertThat(lines.status()).isEqualTo(200);
        List<JsonNode> parsed = lines.body().lines().map(CanonicalJson::parse).toList();
        assertThat(parsed.get(0).has("total_events"))
                .as("a first progress line")
                .isTrue();
        assertThat(parsed.get(parsed.size() - 1).get("status").asString()).isEqualTo("intact");

        assertThat(api.get("/api/v1/admin/audit/export?type=Nope", TestTokens.admin())
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/admin/audit/export?from=yesterday", TestTokens.admin())
                        .status())
                .isEqualTo(422);
        assertThat(api.get(
                                "/api/v1/admin/audit/export?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                                TestTokens.admin())
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/v1/admin/audit/export?assistant_id=not-a-uuid", TestTokens.admin())
                        .status())
                .isEqualTo(422);
        long anchors = anchorEvents();
        assertThat(api.post("/api/v1/admin/audit/anchors", TestTokens.user(), Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/audit/verify", null, Map.of()).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/admin/audit/export", TestTokens.user()).status())
                .isEqualTo(403);
        assertThat(anchorEvents()).isEqualTo(anchors);
    }

    @Test
    void anchorEventsDeletedFromTheStoreAreReportedFromTheBucket() {
        assistantWithUpdates("Anchored, then its anchor erased", 1);
        anchor(201);
        List<Map<String, Object>> anchors =
                jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = 'audit-anchors'");
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'audit-anchors'");
        try {
            assertThat(verify().get("broken")).anySatisfy(broken -> {
                assertThat(broken.get("problem").asString()).isEqualTo("anchor_mismatch");
                assertThat(broken.get("detail").asString()).contains("deleted from the store");
            });
        } finally {
            anchors.forEach(this::reinsert);
        }
        assertThat(verify().get("status").asString()).isEqualTo("intact");
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update(
                "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                        + " event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.get("global_index"),
                row.get("aggregate_identifier"),
                row.get("sequence_number"),
                row.get("type"),
                row.get("event_identifier"),
                row.get("payload_type"),
                row.get("payload_revision"),
                row.get("payload"),
                row.get("meta_data"),
                row.get("time_stamp"));
    }

    private String assistantWithUpdates(String name, int updates) {
        return assistantWithUpdates(name, updates, "admin-auditor");
    }

    private String assistantWithUpdates(String name, int updates, String actor) {
        String id = create(name, actor);
        for (int i = 1; i <= updates; i++) {
            update(id, Map.of("description", "revision " + i), actor);
        }
        return id;
    }

    private String create(String name) {
        return create(name, "admin-auditor");
    }

    private String create(String name, String actor) {
        return api.post("/api/v1/assistants", TestTokens.admin(actor), Map.of("name", name))
                .json()
                .get("id")
                .asString();
    }

    private void update(String id, Map<String, Object> changes) {
        update(id, changes, "admin-auditor");
    }

    private void update(String id, Map<String, Object> changes, String actor) {
        HttpApi.Response updated = api.put("/api/v1/assistants/" + id, TestTokens.admin(actor), changes);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    private JsonNode verify() {
        HttpApi.Response report = api.post("/api/v1/admin/audit/verify", TestTokens.admin(), Map.of());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json();
    }

    private JsonNode anchor(int status) {
        HttpApi.Response anchor = api.post("/api/v1/admin/audit/anchors", TestTokens.admin(), Map.of());
        assertThat(anchor.status()).as(anchor.body()).isEqualTo(status);
        return anchor.json();
    }

    private static JsonNode onlyBreak(JsonNode report) {
        assertThat(report.get("status").asString()).isEqualTo("broken");
        assertThat(report.get("broken")).as(report.toString()).hasSize(1);
        assertThat(report.get("first_broken")).isEqualTo(report.get("broken").get(0));
        return report.get("first_broken");
    }

    private static List<String> problems(JsonNode report) {
        List<String> problems = new ArrayList<>();
        report.get("broken")
                .forEach(broken -> problems.add(broken.get("problem").asString()));
        return problems;
    }

    private long position(String id, long sequence) {
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                id,
                sequence);
    }

    private long anchorEvents() {
        return jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'audit-anchors'", Long.class);
    }

    private byte[] payload(String id, long sequence) {
        return jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                byte[].class,
                id,
                sequence);
    }

    private void setPayload(String id, long sequence, byte[] payload) {
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                payload,
                id,
                sequence);
    }

    private void swapSequences(String id, long one, long other) {
        String move =
                "UPDATE domain_event_entry SET sequence_number = ? WHERE aggregate_identifier = ? AND sequence_number = ?";
        jdbc.update(move, -1, id, one);
        jdbc.update(move, one, id, other);
        jdbc.update(move, other, id, -1);
    }

    /** What a forger who knows the algorithm does: every link of the stream recomputed and rewritten. */
    private void relink(String id) {
        List<StoredEvent> rows = jdbc.query(
                "SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                (row, index) -> StoredEvent.read(row),
                id);
        String previous = StoredEvent.GENESIS;
        for (StoredEvent row : rows) {
            ObjectNode metadata = row.linkedMetadata(previous);
            String link = metadata.get(StoredEvent.HASH).stringValue();
            jdbc.update(
                    "UPDATE domain_event_entry SET meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    CanonicalJson.bytes(metadata),
                    id,
                    row.sequence());
            previous = link;
        }
    }

    private Path export(String query) throws Exception {
        HttpApi.Response export = api.get("/api/v1/admin/audit/export" + query, TestTokens.admin());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        Path file = Files.createTempFile(exports, "audit-export", ".jsonl");
        Files.writeString(file, export.body());
        return file;
    }

    private static String verifyOffline(Path export, Anchor anchor) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ExportVerifier.verify(export, anchor, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** The anchor as an auditor reads it: from the bucket, not from the platform. */
    private static Anchor bucketAnchor(String key) throws Exception {
        MinioClient client = MinioClient.builder()
                .endpoint(S3.endpoint())
                .credentials(S3ServerHandle.ACCESS_KEY, S3ServerHandle.SECRET_KEY)
                .build();
        try (InputStream object = client.getObject(GetObjectArgs.builder()
                .bucket("assistant-audit-anchors")
                .object(key)
                .build())) {
            return Anchor.fromJson(CanonicalJson.parse(object.readAllBytes()));
        }
    }

    private static EventRows.Row legacyRow(String id, long sequence, String type, String payload) {
        return new EventRows.Row(
                id,
                sequence,
                UUID.randomUUID().toString(),
                type,
                null,
                payload.formatted(id).getBytes(StandardCharsets.UTF_8),
                "{\"actor\":\"admin-before-the-chain\"}".getBytes(StandardCharsets.UTF_8),
                Instant.now().toString());
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }
}
