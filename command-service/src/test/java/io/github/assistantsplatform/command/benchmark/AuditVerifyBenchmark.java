package io.github.assistantsplatform.command.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.command.CommandServiceApplication;
import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit's verify over a store of a million events (ten per assistant, linked as the event store
 * links them), with its progress lines, and the anchor over its heads. Run with
 * {@code mvn -B -pl command-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=AuditVerifyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (size: -Dbenchmark.events).
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandServiceApplication.CONFIG_NAME,
            "assistants.jwt.secret=" + TestTokens.SECRET,
            "assistants.audit.anchor-interval=1h",
            "assistants.audit.anchor-settle=0s"
        })
class AuditVerifyBenchmark {

    private static final EmbeddedPostgresServer.Database STORE = EmbeddedPostgresServer.newDatabase();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        CommandServiceTest.services(registry, STORE);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void verifyOverAMillionEvents() {
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        long appendStart = System.nanoTime();
        append(events);
        System.out.printf("appended %,d linked events in %.1f s%n", events, (System.nanoTime() - appendStart) / 1e9);
        HttpApi api = new HttpApi(port);

        long anchorStart = System.nanoTime();
        HttpApi.Response anchored = api.post("/api/v1/admin/audit/anchors", TestTokens.admin(), Map.of());
        System.out.printf(
                "anchor over %s streams: %d ms (%d)%n",
                anchored.json().get("streams"), (System.nanoTime() - anchorStart) / 1_000_000, anchored.status());

        HttpApi.Response verified = api.send(
                "POST",
                "/api/v1/admin/audit/verify",
                TestTokens.admin(),
                Map.of(),
                Map.of("Accept", "application/x-ndjson"));
        List<String> lines = verified.body().lines().toList();
        lines.forEach(System.out::println);
        JsonNode report = CanonicalJson.parse(lines.get(lines.size() - 1));
        System.out.printf(
                "verify: %,d events in %,d ms, %,d events/s, %s%n",
                report.get("events").asLong(),
                report.get("elapsed_ms").asLong(),
                report.get("events_per_second").asLong(),
                report.get("status").asString());
        assertThat(report.get("status").asString()).isEqualTo("intact");
        assertThat(report.get("events").asLong()).isEqualTo(events + 1);
        assertThat(lines).hasSizeGreaterThan(events / 50_000);
    }

    /** Ten events per assistant, each linked as the event store links it, a batch of 10,000 rows at a time. */
    private void append(int events) {
        byte[] metadata = "{\"actor\":\"benchmark\"}".getBytes(StandardCharsets.UTF_8);
        List<Object[]> batch = new ArrayList<>();
        int appended = 0;
        while (appended < events) {
            String id = UUID.randomUUID().toString();
            String previous = StoredEvent.GENESIS;
            for (int sequence = 0; sequence < 10 && appended < events; sequence++, appended++) {
                String type = sequence == 0 ? "AssistantCreated" : "AssistantUpdated";
                byte[] payload = (sequence == 0
                                ? "{\"assistant_id\":\"" + id + "\",\"settings\":{\"name\":\"Verified " + appended
                                        + "\"}}"
                                : "{\"assistant_id\":\"" + id + "\",\"changes\":{\"description\":\"revision " + sequence
                                        + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                String eventId = UUID.randomUUID().toString();
                String timestamp = Instant.now().toString();
                StoredEvent stored = StoredEvent.fromRow(
                        0,
                        "Assistant",
                        id,
                        sequence,
                        eventId,
                        timestamp,
                        type,
                        sequence == 0 ? "2" : "1",
                        payload,
                        metadata);
                ObjectNode linked = stored.linkedMetadata(previous);
                previous = linked.get(StoredEvent.HASH).stringValue();
                batch.add(new Object[] {
                    id,
                    sequence,
                    eventId,
                    type,
                    sequence == 0 ? "2" : "1",
                    payload,
                    CanonicalJson.bytes(linked),
                    timestamp
                });
            }
            if (batch.size() >= 10_000 || appended >= events) {
                jdbc.batchUpdate(
                        "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,"
                                + " event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp)"
                                + " VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Assistant', ?, ?, ?, ?, ?, ?)",
                        batch);
                batch.clear();
            }
        }
    }
}
