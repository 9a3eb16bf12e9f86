package io.github.assistantsplatform.command.benchmark;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.eventstore.ProcessorProgress;
import io.github.assistantsplatform.support.test.TestTokens;
import org.awaitility.Awaitility;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an update costs as an assistant's history grows: an assistant with 10 events against one with
 * {@code benchmark.history} (100,000) events, updated in turn, so that both see the same machine. The long
 * history is appended to the event table directly (copies of one real update, as the aggregate would
 * write them), then the publisher is let catch up before anything is measured. Run with
 * {@code mvn -B -pl command-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=LongHistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: -Dbenchmark.history, -Dbenchmark.updates).
 */
@Tag("benchmark")
class LongHistoryBenchmark extends CommandServiceTest {

    @Autowired
    Serializer serializer;

    @Test
    void anUpdateCostsTheSameWhateverTheHistory() {
        int history = Integer.getInteger("benchmark.history", 100_000);
        int updates = Integer.getInteger("benchmark.updates", 200);
        String shortHistory = create("Short history");
        for (int change = 1; change < 10; change++) {
            update(shortHistory, change);
        }
        String longHistory = create("Long history");
        update(longHistory, 1);
        long appendStarted = System.nanoTime();
        append(longHistory, history - 2);
        double appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        ProcessorProgress publisher = new ProcessorProgress(jdbc, serializer, "kafka-publisher");
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> publisher.hasHandled(head));

        long coldStarted = System.nanoTime();
        update(longHistory, 2);
        double coldMillis = (System.nanoTime() - coldStarted) / 1e6;
        long[] shortTimes = new long[updates];
        long[] longTimes = new long[updates];
        for (int i = 0; i < updates; i++) {
            shortTimes[i] = timed(shortHistory, 100 + i);
            longTimes[i] = timed(longHistory, 100 + i);
        }
        double shortMedian = median(shortTimes);
        double longMedian = median(longTimes);
        System.out.printf(
                "%nBENCHMARK an update's latency by history, %d updates each, in turn:%n"
                        + "| assistant | events | median ms | p90 ms |%n|---|---|---|---|%n"
                        + "| short history | 10 | %.2f | %.2f |%n"
                        + "| long history | %d | %.2f | %.2f |%n"
                        + "ratio of the medians: %.2f; the first update of the long history (no snapshot yet, every "
                        + "event folded): %.0f ms; %d events appended in %.1f s%n%n",
                updates,
                shortMedian,
                percentile(shortTimes, 0.9),
                history,
                longMedian,
                percentile(longTimes, 0.9),
                longMedian / shortMedian,
                coldMillis,
                history - 2,
                appendSeconds);
    }

    private String create(String name) {
        return api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", name))
                .json()
                .get("id")
                .asString();
    }

    private void update(String id, int change) {
        int status = api.put("/api/v1/assistants/" + id, TestTokens.admin(), Map.of("description", "change " + change))
                .status();
        if (status != 200) {
            throw new IllegalStateException("update answered " + status);
        }
    }

    private long timed(String id, int change) {
        long started = System.nanoTime();
        update(id, change);
        return System.nanoTime() - started;
    }

    /** Copies of the assistant's latest event (an update), numbered on from it, as the event store writes them. */
    private void append(String id, int events) {
        Map<String, Object> latest = jdbc.queryForMap(
                "SELECT payload_type, payload_revision, payload, meta_data, time_stamp, sequence_number "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC LIMIT 1",
                id);
        long next = ((Number) latest.get("sequence_number")).longValue() + 1;
        for (int batchStart = 0; batchStart < events; batchStart += 5_000) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = batchStart; i < Math.min(events, batchStart + 5_000); i++) {
                rows.add(new Object[] {
                    id,
                    next + i,
                    UUID.randomUUID().toString(),
                    latest.get("payload_type"),
                    latest.get("payload_revision"),
                    latest.get("payload"),
                    latest.get("meta_data"),
                    latest.get("time_stamp")
                });
            }
            jdbc.batchUpdate(
                    "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                            + "event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp) "
                            + "VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Assistant', ?, ?, ?, ?, ?, ?)",
                    rows);
        }
    }

    private static double median(long[] nanos) {
        return percentile(nanos, 0.5);
    }

    private static double percentile(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1e6;
    }
}
