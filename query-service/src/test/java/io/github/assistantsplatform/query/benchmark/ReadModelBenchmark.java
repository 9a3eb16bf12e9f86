package io.github.assistantsplatform.query.benchmark;

import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.HdrHistogram.Histogram;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Figures for the read side, not tests: run with
 * {@code mvn -B -pl query-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest='ReadModelBenchmark' -Dsurefire.failIfNoSpecifiedTests=false}
 * (or {@code -Dtest='ReadModelBenchmark#projectionLag'}; sizes: -Dbenchmark.commands, -Dbenchmark.events).
 */
@Tag("benchmark")
class ReadModelBenchmark extends QueryServiceTest {

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    @Autowired
    EventStore eventStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionManager transactionManager;

    /** From the command's 200 to the first read showing its version, over HTTP on both sides. */
    @Test
    void projectionLag() {
        int commands = Integer.getInteger("benchmark.commands", 1000);
        String id = create(Map.of("name", "Lag probe"));
        Histogram lag = new Histogram(3);
        for (int i = 0; i < 50 + commands; i++) {
            Response updated = writes.put(
                    "/api/v1/assistants/" + id,
                    TestTokens.admin(),
                    Map.of("avatar_vertical_position", i % 101, "description", "update " + i));
            long acknowledged = System.nanoTime();
            long version = updated.json().get("version").asLong();
            while (reads.get("/api/v1/assistants/" + id, null)
                            .json()
                            .get("version")
                            .asLong()
                    < version) {
                Thread.onSpinWait();
            }
            if (i >= 50) {
                lag.recordValue((System.nanoTime() - acknowledged) / 1_000);
            }
        }
        System.out.printf(
                "%nBENCHMARK projection lag over %d commands: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n%n",
                commands,
                lag.getValueAtPercentile(50) / 1000.0,
                lag.getValueAtPercentile(90) / 1000.0,
                lag.getValueAtPercentile(99) / 1000.0,
                lag.getMaxValue() / 1000.0);
    }

    /** Replaying N events into a fresh read model, next to reading the same events alone. */
    @Test
    void rebuildThroughput() {
        int events = Integer.getInteger("benchmark.events", 100_000);
        long appended = appendEvents(events);
        long head = eventStore.createHeadToken().position().orElse(0);

        long readStart = System.nanoTime();
        long read;
        try (Stream<? extends TrackedEventMessage<?>> all = storageEngine.readEvents(null, false)) {
            read = all.mapToLong(event -> event.getPayload() == null ? 0 : 1).sum();
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;

        reads.post("/api/v1/admin/read-model/rebuild", TestTokens.admin(), null);
        JsonNode done = await().atMost(Duration.ofMinutes(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> reads.get("/api/v1/admin/read-model/rebuild", TestTokens.admin())
                                .json(),
                        progress -> !progress.get("state").asString().equals("RUNNING"));
        double rebuildSeconds = Duration.between(
                                Instant.parse(done.get("started_at").asString()),
                                Instant.parse(done.get("finished_at").asString()))
                        .toMillis()
                / 1000.0;

        System.out.printf("%nBENCHMARK appended %d events; head position %d%n", appended, head);
        System.out.printf(
                "BENCHMARK baseline, reading %d events from the event table: %.1f s, %.0f events/s%n",
                read, readSeconds, read / readSeconds);
        System.out.printf(
                "BENCHMARK rebuild (%s) of %d events: %.1f s, %.0f events/s, %.2f of the baseline%n%n",
                done.get("state").asString(),
                done.get("events_done").asLong(),
                rebuildSeconds,
                done.get("events_done").asLong() / rebuildSeconds,
                (done.get("events_done").asLong() / rebuildSeconds) / (read / readSeconds));
    }

    /** Assistants of ten events each (a creation, nine updates), appended a thousand per transaction. */
    private long appendEvents(int events) {
        ObjectNode create = SettingsJson.tree(SettingsJson.created(JSON.readTree("{\"name\": \"Replayed\"}")));
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        long appended = 0;
        while (appended < events) {
            UUID id = UUID.randomUUID();
            batch.add(new GenericDomainEventMessage<>("Assistant", id.toString(), 0, new AssistantCreated(id, create)));
            for (int sequence = 1; sequence < 10; sequence++) {
                ObjectNode update = (ObjectNode) JSON.readTree("{\"description\": \"revision " + sequence + "\"}");
                batch.add(new GenericDomainEventMessage<>(
                        "Assistant", id.toString(), sequence, new AssistantUpdated(id, update)));
            }
            appended += 10;
            if (batch.size() >= 1000 || appended >= events) {
                List<EventMessage<?>> toAppend = List.copyOf(batch);
                transactionManager.executeInTransaction(() -> eventStore.publish(toAppend));
                batch.clear();
            }
        }
        return appended;
    }
}
