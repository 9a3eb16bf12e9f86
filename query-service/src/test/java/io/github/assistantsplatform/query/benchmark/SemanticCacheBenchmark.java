package io.github.assistantsplatform.query.benchmark;

import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.cache.SemanticCache;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

/**
 * Look-up latency over HTTP with N cached questions for one assistant. Run with
 * {@code mvn -B -pl query-service -am verify -Dgroups=benchmark -Dbenchmark.excluded= -Dtest=SemanticCacheBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (size: -Dbenchmark.entries).
 */
@Tag("benchmark")
class SemanticCacheBenchmark extends QueryServiceTest {

    @Autowired
    SemanticCache cache;

    @Autowired
    ReadModel readModel;

    @Test
    void lookupLatency() {
        int entries = Integer.getInteger("benchmark.entries", 10_000);
        String id = create(Map.of("name", "Benchmark cache", "use_semantic_cache", true));
        AssistantState assistant = readModel.readable(UUID.fromString(id));
        long fillStart = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            cache.put(assistant, "Question number " + i + " about topic " + (i % 97) + "?", "Answer " + i);
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

        Histogram exact = measure(
                id, i -> "Question number " + (i * 37 % entries) + " about topic " + ((i * 37 % entries) % 97) + "?");
        Histogram nearest = measure(id, i -> "Tell me something about subject " + i);

        System.out.printf(
                "%nBENCHMARK semantic cache with %d entries for one assistant (filled in %.1f s, %.1f ms per put):%n",
                entries, fillSeconds, fillSeconds * 1000 / entries);
        print("exact hit (hash)", exact);
        print("nearest question (embedding + scan)", nearest);
        System.out.println();
    }

    private Histogram measure(String id, java.util.function.IntFunction<String> question) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < 550; i++) {
            long start = System.nanoTime();
            Response response = reads.post(
                    "/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", question.apply(i)));
            if (response.status() != 200) {
                throw new IllegalStateException(response.toString());
            }
            if (i >= 50) {
                latency.recordValue((System.nanoTime() - start) / 1_000);
            }
        }
        return latency;
    }

    private static void print(String what, Histogram latency) {
        System.out.printf(
                "BENCHMARK   %-36s p50 %.2f ms, p99 %.2f ms (500 look-ups)%n",
                what, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0);
    }
}
