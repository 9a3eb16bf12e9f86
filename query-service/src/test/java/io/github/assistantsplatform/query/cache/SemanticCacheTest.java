package io.github.assistantsplatform.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

class SemanticCacheTest extends QueryServiceTest {

    @Test
    void theSameQuestionHitsExactlyAndASimilarOneByItsThreshold() {
        String strict = create(Map.of("name", "Strict cache", "use_semantic_cache", true));
        String lenient =
                create(Map.of("name", "Lenient cache", "use_semantic_cache", true, "cache_similarity_threshold", 0.7));
        for (String id : new String[] {strict, lenient}) {
            assertThat(store(id, "What are your opening hours?", "9 to 5", TestTokens.service())
                            .status())
                    .isEqualTo(201);
        }

        JsonNode exact = lookup(strict, "  what are your OPENING hours  ", null).json();
        JsonNode paraphraseStrict = lookup(strict, "When are you open?", null).json();
        JsonNode paraphraseLenient = lookup(lenient, "When are you open?", null).json();
        JsonNode unrelated =
                lookup(lenient, "How do I reset my password?", null).json();

        assertThat(exact.get("hit").asBoolean()).isTrue();
        assertThat(exact.get("answer").asString()).isEqualTo("9 to 5");
        assertThat(exact.get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(paraphraseStrict.get("hit").asBoolean()).isFalse();
        assertThat(paraphraseStrict.get("similarity").asDouble()).isBetween(0.7, 0.9);
        assertThat(paraphraseLenient.get("hit").asBoolean()).isTrue();
        assertThat(paraphraseLenient.get("answer").asString()).isEqualTo("9 to 5");
        assertThat(unrelated.get("hit").asBoolean()).isFalse();
        assertThat(unrelated.get("answer").isNull()).isTrue();
    }

    @Test
    void storingTheSameQuestionAgainReplacesItsAnswer() {
        String id = create(Map.of("name", "Replacing cache", "use_semantic_cache", true));

        assertThat(store(id, "Where are you?", "Paris", TestTokens.admin()).status())
                .isEqualTo(201);
        assertThat(store(id, "where are you", "Lyon", TestTokens.admin()).status())
                .isEqualTo(200);

        assertThat(lookup(id, "Where are you?", null).json().get("answer").asString())
                .isEqualTo("Lyon");
    }

    @Test
    void entriesExpireAfterTheAssistantsTtl() {
        String id = create(Map.of("name", "Short-lived cache", "use_semantic_cache", true, "cache_ttl_seconds", 1));
        store(id, "Is it raining?", "No", TestTokens.admin());
        assertThat(lookup(id, "Is it raining?", null).json().get("hit").asBoolean())
                .isTrue();

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !lookup(id, "Is it raining?", null).json().get("hit").asBoolean());
    }

    @Test
    void thePurgeCountsEveryEntryAndIsRecordedInTheHistory() {
        String id = create(Map.of("name", "Purged cache", "use_semantic_cache", true));
        store(id, "One?", "1", TestTokens.admin());
        store(id, "Two?", "2", TestTokens.admin());
        store(id, "Three?", "3", TestTokens.admin());

        Response purge = reads.delete("/api/v1/assistants/" + id + "/cache", TestTokens.admin("admin-purger"));

        assertThat(purge.status()).as(purge.toString()).isEqualTo(200);
        assertThat(purge.json().get("deleted_count").asLong()).isEqualTo(3);
        assertThat(lookup(id, "One?", null).json().get("hit").asBoolean()).isFalse();
        JsonNode history = reads.get("/api/v1/assistants/" + id + "/history", TestTokens.admin())
                .json();
        JsonNode purged = history.get(history.size() - 1);
        assertThat(purged.get("type").asString()).isEqualTo("SemanticCachePurged");
        assertThat(purged.get("actor").asString()).isEqualTo("admin-purger");
        assertThat(purged.get("changes").get("deleted_count").asLong()).isEqualTo(3);
        assertThat(reads.delete("/api/v1/assistants/" + id + "/cache", TestTokens.admin())
                        .json()
                        .get("deleted_count")
                        .asLong())
                .isZero();
    }

    @Test
    void aRelevantUpdateInvalidatesTheCacheAndARenameDoesNot() throws Exception {
        String renamed = create(Map.of("name", "Renamed cache", "use_semantic_cache", true));
        String reinstructed = create(Map.of("name", "Reinstructed cache", "use_semantic_cache", true));
        store(renamed, "Who are you?", "A bot", TestTokens.admin());
        store(reinstructed, "Who are you?", "A bot", TestTokens.admin());

        update(renamed, Map.of("name", "Renamed cache, new name", "description", "and described"));
        update(reinstructed, Map.of("instructions", "Answer in French."));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !lookup(reinstructed, "Who are you?", null)
                        .json()
                        .get("hit")
                        .asBoolean());
        TestKafka.awaitCaughtUp(SemanticCacheInvalidator.GROUP, "assistants.events.v1", Duration.ofSeconds(30));
        assertThat(lookup(renamed, "Who are you?", null).json().get("hit").asBoolean())
                .isTrue();
    }

    @Test
    void aDeletedAssistantsCacheIsPurged() {
        String id = create(Map.of("name", "Deleted cache", "use_semantic_cache", true));
        store(id, "Still there?", "Yes", TestTokens.admin());

        delete(id);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> reads.delete("/api/v1/assistants/" + id + "/cache", TestTokens.admin())
                                .status()
                        == 404);
    }

    @Test
    void whoMayDoWhat() {
        String privateOne =
                create(Map.of("name", "Private cache", "use_semantic_cache", true, "user_authentication", true));
        String disabled = create(Map.of("name", "No cache"));

        assertThat(lookup(privateOne, "Hi?", null).status()).isEqualTo(401);
        assertThat(lookup(privateOne, "Hi?", TestTokens.user()).status()).isEqualTo(200);
        assertThat(store(privateOne, "Hi?", "Hello", TestTokens.user()).status())
                .isEqualTo(403);
        assertThat(store(privateOne, "Hi?", "Hello", null).status()).isEqualTo(401);
        assertThat(reads.delete("/api/v1/assistants/" + privateOne + "/cache", TestTokens.service())
                        .status())
                .isEqualTo(403);
        assertThat(store(disabled, "Hi?", "Hello", TestTokens.admin()).status()).isEqualTo(409);
        assertThat(lookup(disabled, "Hi?", null).json().get("hit").asBoolean()).isFalse();
        assertThat(lookup(UUID.randomUUID().toString(), "Hi?", null).status()).isEqualTo(404);
        assertThat(store(privateOne, "", "Hello", TestTokens.admin()).status()).isEqualTo(422);
        assertThat(reads.post("/api/v1/assistants/" + privateOne + "/cache/lookup", TestTokens.user(), "{}")
                        .status())
                .isEqualTo(422);
    }

    private Response store(String id, String question, String answer, String token) {
        return reads.put("/api/v1/assistants/" + id + "/cache", token, Map.of("question", question, "answer", answer));
    }

    private Response lookup(String id, String question, String token) {
        return reads.post("/api/v1/assistants/" + id + "/cache/lookup", token, Map.of("question", question));
    }
}
