package io.github.assistantsplatform.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import io.github.assistantsplatform.support.web.TooBusyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** No client can grow the semantic cache's heap without bound, nor queue embeddings without bound. */
class SemanticCacheLimitsTest extends QueryServiceTest {

    @Autowired
    SemanticCacheStore store;

    @Autowired
    QuestionEmbeddings embeddings;

    @Autowired
    ReadModel readModel;

    @Test
    void theInMemoryCopiesStayWithinTheirWeightAndEvictedAssistantsStillAnswer() {
        long limit = DataSize.ofKilobytes(600).toBytes();
        SemanticCache cache = new SemanticCache(
                store,
                embeddings,
                new SemanticCacheProperties(DataSize.ofBytes(limit), 2, Duration.ofSeconds(5)),
                new SimpleMeterRegistry());
        String answer = "x".repeat(100_000); // about 200 KB on the heap
        List<AssistantState> assistants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = create(Map.of("name", "Heavy cache " + i, "use_semantic_cache", true));
            AssistantState assistant =
                    readModel.active().find(UUID.fromString(id)).orElseThrow();
            assistants.add(assistant);
            cache.put(assistant, "What is answer " + i + "?", answer + i);
            assertThat(cache.lookup(assistant, "What is answer " + i + "?").hit())
                    .isTrue();
            assertThat(cache.residentWeight()).isLessThanOrEqualTo(limit);
        }
        assertThat(cache.residentWeight()).isGreaterThan(limit / 3);
        // the first ones were evicted from memory, not from the cache
        assertThat(cache.lookup(assistants.get(0), "What is answer 0?").answer())
                .isEqualTo(answer + 0);
    }

    @Test
    void embeddingsBeyondTheConcurrencyLimitAreRefusedInsteadOfQueued() throws Exception {
        QuestionEmbeddings oneAtATime =
                new QuestionEmbeddings(new SemanticCacheProperties(DataSize.ofMegabytes(1), 1, Duration.ZERO));
        AtomicInteger computed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int caller = 0; caller < 4; caller++) {
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try {
                            oneAtATime.embed("A long question about opening hours, number " + i + " ".repeat(200));
                            computed.incrementAndGet();
                        } catch (TooBusyException e) {
                            refused.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(computed.get()).isPositive();
        assertThat(refused.get()).isPositive();
        assertThat(computed.get() + refused.get()).isEqualTo(100);
    }
}
