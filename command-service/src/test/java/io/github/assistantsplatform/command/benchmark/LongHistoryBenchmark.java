package io.github.assistantsplatform.command.benchmark;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.command.eventstore.EventRows;
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
 * What an update costs as an assistant's history grows: one assistant per size of {@code benchmark.histories}
 * (10, 1,000 and 100,000 events), updated in turn, so that all see the same machine; the first is the
 * baseline. The longer histories are appended to the event table directly (copies of one real update, as the
 * aggregate would write them), then the publisher is let catch up before anything is measured. Run with
 * {@code mvn -B -pl command-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=LongHistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (sizes: -Dbenchmark.histories, -Dbenchmark.updates).
 */
@Tag("benchmark")
class LongHistoryBenchmark extends CommandServiceTest {

    @Autowired
    Serializer serializer;

    @Test
    void anUpdateCostsTheSameWhateverTheHistory() {
        int[] histories = Arrays.stream(System.getProperty("benchmark.histories", "10,1000,100000")
                        .split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int updates = Integer.getInteger("benchmark.updates", 200);
        List<String> assistants = new ArrayList<>();
        double[] appendSeconds = new double[histories.length];
        for (int i = 0; i < histories.length; i++) {
            String id = create("History of " + histories[i]);
            update(id, 1);
            long started = System.nanoTime();
            append(id, histories[i] - 2);
            appendSeconds[i] = (System.nanoTime() - started) / 1e9;
            assistants.add(id);
        }
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        ProcessorProgress publisher = new ProcessorProgress(jdbc, serializer, "kafka-publisher");
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> publisher.hasHandled(head));

        // the first load of each folds every event and snapshots it: measured once, apart
        double[] firstMillis = new double[histories.length];
        for (int i = 0; i < histories.length; i++) {
            firstMillis[i] = timed(assistants.get(i), 2) / 1e6;
        }
        long[][] times = new long[histories.length][updates];
        for (int round = 0; round < updates; round++) {
            for (int i = 0; i < histories.length; i++) {
                times[i][round] = timed(assistants.get(i), 100 + round);
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                "%nBENCHMARK an update's latency by history, %d updates each, in turn:%n"
                        + "| events | median ms | p90 ms | median against %d events | first update (folds every event) ms |%n"
                        + "|---|---|---|---|---|%n",
                updates, histories[0]));
        for (int i = 0; i < histories.length; i++) {
            table.append(String.format(
                    "| %,d | %.2f | %.2f | %.2f | %.0f |%n",
                    histories[i],
                    percentile(times[i], 0.5),
                    percentile(times[i], 0.9),
                    percentile(times[i], 0.5) / percentile(times[0], 0.5),
                    firstMillis[i]));
        }
        System.out.println(
                table.append(String.format("(appending the histories took %s s)%n", Arrays.toString(appendSeconds))));
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
            List<EventRows.Row> rows = new ArrayList<>();
            for (int i = batchStart; i < Math.min(events, batchStart + 5_000); i++) {
                rows.add(new EventRows.Row(
                        id,
                        next + i,
                        UUID.randomUUID().toString(),
                        (String) latest.get("payload_type"),
                        (String) latest.get("payload_revision"),
                        (byte[]) latest.get("payload"),
                        (byte[]) latest.get("meta_data"),
                        (String) latest.get("time_stamp")));
            }
            EventRows.insert(jdbc, rows);
        }
    }

    private static double percentile(long[] nanos, double fraction) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] / 1e6;
    }
}
