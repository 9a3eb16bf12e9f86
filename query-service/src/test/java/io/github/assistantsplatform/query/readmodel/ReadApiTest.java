package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

class ReadApiTest extends QueryServiceTest {

    @Autowired
    MongoDatabase database;

    @Autowired
    ReadModel readModel;

    @Test
    void theReadModelShowsWhatTheWriteSideAnswered() {
        JsonNode written = writes.post(
                        "/api/v1/assistants",
                        TestTokens.admin(),
                        Map.of(
                                "name",
                                "Mirror",
                                "avatar_bg_color",
                                "#000000",
                                "configuration",
                                Map.of("tags", List.of("a"))))
                .json();

        JsonNode read = awaitVersion(written.get("id").asString(), 0);

        assertThat(read).isEqualTo(written);
    }

    @Test
    void anAnswerStoredInAnOlderFormatIsRenderedAgainFromTheState() {
        String id = create(Map.of("name", "Stored long ago"));
        JsonNode current = awaitVersion(id, 0);
        database.getCollection(readModel.active().collectionName())
                .updateOne(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.set(
                                        AssistantDocuments.RESPONSE, new Binary("{\"name\": \"stale\"}".getBytes())),
                                Updates.set(
                                        AssistantDocuments.RESPONSE_FORMAT,
                                        AssistantDocuments.CURRENT_RESPONSE_FORMAT - 1)));

        assertThat(reads.get("/api/v1/assistants/" + id, null).json()).isEqualTo(current);
        assertThat(reads.get("/api/v1/assistants?limit=1000", null).json())
                .filteredOn(assistant -> assistant.get("id").asString().equals(id))
                .containsExactly(current);
    }

    @Test
    void updatesAndDeletionsReachTheReadModel() {
        String id = create(Map.of("name", "Changing"));
        JsonNode updated = update(id, Map.of("description", "now described", "top_k_retrieval", 50));

        Response read = reads.get("/api/v1/assistants/" + id, null);
        assertThat(read.json()).isEqualTo(updated);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");

        delete(id);
        Response gone = reads.get("/api/v1/assistants/" + id, TestTokens.admin());
        assertThat(gone.json().get("code").asString()).isEqualTo("entity_not_found");
    }

    @Test
    void aPrivateAssistantNeedsAUser() {
        String id = create(Map.of("name", "Private", "user_authentication", true));

        Response guest = reads.get("/api/v1/assistants/" + id, null);
        Response user = reads.get("/api/v1/assistants/" + id, TestTokens.user());

        assertThat(guest.status()).isEqualTo(401);
        assertThat(guest.json().get("code").asString()).isEqualTo("authentication_failed");
        assertThat(guest.body()).doesNotContain("Private");
        assertThat(user.status()).isEqualTo(200);
    }

    @Test
    void unknownAndMalformedIds() {
        assertThat(reads.get("/api/v1/assistants/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
        Response malformed = reads.get("/api/v1/assistants/not-a-uuid", null);
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.json().get("details").get(0).get("field").asString())
                .isEqualTo("id");
    }

    @Test
    void anExpiredTokenIsRefusedEvenForAPublicRead() {
        assertThat(reads.get("/api/v1/assistants", TestTokens.expiredAdmin()).status())
                .isEqualTo(401);
    }

    @Test
    void guestsListOnlyPublicAssistantsAndCountOnlyThose() {
        String open = create(Map.of("name", "Listed open"));
        String closed = create(Map.of("name", "Listed closed", "user_authentication", true));

        List<JsonNode> asUser = all(TestTokens.user());
        List<JsonNode> asGuest = all(null);

        assertThat(ids(asUser)).contains(open, closed);
        assertThat(ids(asGuest)).contains(open).doesNotContain(closed);
        assertThat(asGuest)
                .allMatch(assistant -> !assistant.get("user_authentication").asBoolean());
        assertThat(asGuest).hasSize((int) asUser.stream()
                .filter(a -> !a.get("user_authentication").asBoolean())
                .count());
        assertThat(reads.get("/api/v1/assistants?limit=1", null).header("X-Total-Count"))
                .isEqualTo(String.valueOf(asGuest.size()));
        assertThat(reads.get("/api/v1/assistants?limit=1", TestTokens.user()).header("X-Total-Count"))
                .isEqualTo(String.valueOf(asUser.size()));
    }

    @Test
    void theListIsOrderedByNameThenIdAndPagedByTheDatabase() {
        for (int i = 0; i < 7; i++) {
            create(Map.of("name", "Same name"));
        }
        create(Map.of("name", "A first"));
        List<JsonNode> everything = all(TestTokens.user());

        assertThat(everything)
                .isSortedAccordingTo(Comparator.<JsonNode, String>comparing(
                                a -> a.get("name").asString())
                        .thenComparing(a -> a.get("id").asString()));
        for (int skip = 0; skip <= everything.size() + 1; skip += 3) {
            Response page = reads.get("/api/v1/assistants?skip=" + skip + "&limit=3", TestTokens.user());
            List<JsonNode> expected =
                    everything.subList(Math.min(skip, everything.size()), Math.min(skip + 3, everything.size()));
            assertThat(list(page)).as("page at skip %d", skip).isEqualTo(expected);
        }
    }

    @Test
    void pagingBeyondTheFirstHundredWorks() {
        int missing = 105 - all(TestTokens.user()).size();
        for (int i = 0; i < missing; i++) {
            writes.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Bulk " + i));
        }
        org.awaitility.Awaitility.await().until(() -> all(TestTokens.user()).size() >= 105);
        List<JsonNode> everything = all(TestTokens.user());

        Response page = reads.get("/api/v1/assistants?skip=100&limit=100", TestTokens.user());

        assertThat(list(page)).isEqualTo(everything.subList(100, Math.min(200, everything.size())));
        assertThat(list(reads.get("/api/v1/assistants", TestTokens.user()))).hasSize(100);
    }

    @Test
    void skipAndLimitAreValidated() {
        assertInvalid(reads.get("/api/v1/assistants?skip=-1", null), "skip");
        assertInvalid(reads.get("/api/v1/assistants?limit=0", null), "limit");
        assertInvalid(reads.get("/api/v1/assistants?limit=1001", null), "limit");
        assertInvalid(reads.get("/api/v1/assistants?limit=ten", null), "limit");
        assertThat(reads.get("/api/v1/assistants?limit=1000", null).status()).isEqualTo(200);
        assertThat(reads.get("/api/v1/assistants/?skip=0&limit=1", null).status())
                .isEqualTo(200);
    }

    private List<JsonNode> all(String token) {
        return list(reads.get("/api/v1/assistants?limit=1000", token));
    }

    private static List<JsonNode> list(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> assistants = new ArrayList<>();
        response.json().forEach(assistants::add);
        return assistants;
    }

    private static List<String> ids(List<JsonNode> assistants) {
        return assistants.stream().map(a -> a.get("id").asString()).toList();
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("details").get(0).get("field").asString())
                .isEqualTo(field);
    }

    /** The reads answer stored bytes; the document must still describe them as assistants, for clients. */
    @Test
    void theDocumentDescribesTheReadsAsAssistants() {
        JsonNode paths = reads.get("/v3/api-docs", null).json().get("paths");

        JsonNode one = paths.get("/api/v1/assistants/{id}")
                .get("get")
                .get("responses")
                .get("200")
                .get("content");
        JsonNode page = paths.get("/api/v1/assistants")
                .get("get")
                .get("responses")
                .get("200")
                .get("content");

        assertThat(one.propertyNames()).containsExactly("application/json");
        assertThat(one.get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/AssistantResponse");
        assertThat(page.propertyNames()).containsExactly("application/json");
        assertThat(page.get("application/json")
                        .get("schema")
                        .get("items")
                        .get("$ref")
                        .asString())
                .isEqualTo("#/components/schemas/AssistantResponse");
    }
}
