package io.github.assistantsplatform.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.TestSystem;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestServices;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

/**
 * The semantic cache at two replicas: each holds in-memory copies of its own, and none answers from
 * an entry that was changed, purged or invalidated through the other.
 */
class SemanticCacheReplicasTest extends QueryServiceTest {

    private static ConfigurableApplicationContext replica;
    private static HttpApi other;

    @BeforeAll
    static void secondReplica() {
        replica = TestSystem.SHARED.startQueryService("cache-replica");
        other = new HttpApi(TestServices.portOf(replica));
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    @Test
    void aPurgeThroughOneReplicaIsSeenAtOnceByTheOther() {
        String id = create(Map.of("name", "Purged across replicas", "use_semantic_cache", true));
        store(reads, id, "What are your opening hours?", "9 to 5");
        // the other replica now holds a copy with the entry
        assertThat(hit(other, id, "What are your opening hours?")).isTrue();

        assertThat(reads.delete("/api/v1/assistants/" + id + "/cache", TestTokens.admin())
                        .json()
                        .get("deleted_count")
                        .asLong())
                .isEqualTo(1);

        assertThat(hit(other, id, "What are your opening hours?")).isFalse();
    }

    @Test
    void anAnswerReplacedThroughOneReplicaIsTheOneTheOtherGives() {
        String id = create(Map.of("name", "Replaced across replicas", "use_semantic_cache", true));
        store(reads, id, "Where are you?", "Paris");
        assertThat(answer(other, id, "Where are you?")).isEqualTo("Paris");

        store(reads, id, "Where are you?", "Lyon");
        store(other, id, "Who are you?", "A bot");

        assertThat(answer(other, id, "Where are you?")).isEqualTo("Lyon");
        assertThat(answer(reads, id, "Who are you?")).isEqualTo("A bot");
        assertThat(answer(reads, id, "Where are you?")).isEqualTo("Lyon");
    }

    @Test
    void anInvalidatingUpdateEmptiesTheCopiesOfBothReplicas() {
        String id = create(Map.of("name", "Invalidated across replicas", "use_semantic_cache", true));
        store(reads, id, "Is it open?", "Yes");
        assertThat(hit(reads, id, "Is it open?")).isTrue();
        assertThat(hit(other, id, "Is it open?")).isTrue();

        update(id, Map.of("instructions", "Answer in French."));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !hit(reads, id, "Is it open?") && !hit(other, id, "Is it open?"));
    }

    private static void store(HttpApi replica, String id, String question, String answer) {
        assertThat(replica.put(
                                "/api/v1/assistants/" + id + "/cache",
                                TestTokens.service(),
                                Map.of("question", question, "answer", answer))
                        .status())
                .isIn(200, 201);
    }

    private static boolean hit(HttpApi replica, String id, String question) {
        return replica.post("/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", question))
                .json()
                .get("hit")
                .asBoolean();
    }

    private static String answer(HttpApi replica, String id, String question) {
        return replica.post("/api/v1/assistants/" + id + "/cache/lookup", null, Map.of("question", question))
                .json()
                .get("answer")
                .asString();
    }
}
