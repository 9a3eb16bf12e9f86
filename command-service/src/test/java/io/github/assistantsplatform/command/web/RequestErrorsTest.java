package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Every malformed request gets the one error body, the right status, and changes nothing. */
class RequestErrorsTest extends CommandServiceTest {

    @Test
    void malformedJsonIsAValidationError() {
        assertInvalid(api.post("/api/v1/assistants", TestTokens.admin(), "{\"name\": "), "body");
    }

    @Test
    void aMisspeltFieldIsNotSilentlyIgnored() {
        assertInvalid(
                api.post("/api/v1/assistants", TestTokens.admin(), "{\"name\": \"x\", \"descripton\": \"y\"}"),
                "descripton");
        String id = create();
        assertInvalid(api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"nme\": \"y\"}"), "nme");
    }

    @Test
    void aWrongTypeIsAValidationError() {
        assertInvalid(
                api.post("/api/v1/assistants", TestTokens.admin(), "{\"name\": \"x\", \"top_k_retrieval\": \"25\"}"),
                "top_k_retrieval");
        assertInvalid(api.post("/api/v1/assistants", TestTokens.admin(), "{\"name\": [\"x\"]}"), "name");
        assertInvalid(api.post("/api/v1/assistants", TestTokens.admin(), "[]"), "body");
    }

    @Test
    void anErrorIsIdentifiedByTheTraceIdOfTheRequest() {
        String traceId = UUID.randomUUID().toString().replace("-", "");

        Response refused = api.send(
                "POST",
                "/api/v1/assistants",
                TestTokens.admin(),
                "{}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("id").asString().replace("-", ""))
                .as("an operator finds the request's log lines by the id the client reports")
                .isEqualTo(traceId);
    }

    @Test
    void aMissingNameIsAValidationError() {
        assertInvalid(api.post("/api/v1/assistants", TestTokens.admin(), "{}"), "name");
    }

    @Test
    void nullClearsOnlyTheNullableFields() {
        String id = api.post(
                        "/api/v1/assistants",
                        TestTokens.admin(),
                        "{\"name\": \"x\", \"description\": \"d\", \"avatar_text_color\": \"#123456\"}")
                .json()
                .get("id")
                .asString();

        assertInvalid(api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"name\": null}"), "name");
        assertInvalid(
                api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"configuration\": null}"), "configuration");
        Response cleared = api.put(
                "/api/v1/assistants/" + id, TestTokens.admin(), "{\"description\": null, \"avatar_text_color\": null}");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(cleared.json().get("avatar_text_color").asString())
                .as("computed for primary, as the original")
                .isEqualTo("white");
        assertThat(cleared.json().get("name").asString()).isEqualTo("x");
    }

    @Test
    void anAssistantAsAResponseShowedItMayBeSentBackWholeAndItsReadOnlyFieldsAreIgnored() {
        Response created = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Loaded"));
        String id = created.json().get("id").asString();
        ObjectNode loaded = (ObjectNode) created.json();
        loaded.put("name", "Loaded and renamed");
        loaded.putArray("linked_connectors")
                .addObject()
                .put("id", UUID.randomUUID().toString());

        Response updated = api.put("/api/v1/assistants/" + id, TestTokens.admin(), loaded.toString());
        Response copied = api.post("/api/v1/assistants", TestTokens.admin(), loaded.toString());

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("Loaded and renamed");
        assertThat(updated.json().get("version").asLong()).isEqualTo(1);
        assertThat(updated.json().get("created_at")).isEqualTo(created.json().get("created_at"));
        assertThat(copied.status()).as(copied.toString()).isEqualTo(201);
        assertThat(copied.json().get("id").asString())
                .as("a new assistant, not the one sent")
                .isNotEqualTo(id);
    }

    @Test
    void anIdInTheBodyOtherThanThePathsIsAValidationErrorAndChangesNothing() {
        String id = create();

        assertInvalid(
                api.put(
                        "/api/v1/assistants/" + id,
                        TestTokens.admin(),
                        "{\"id\": \"" + UUID.randomUUID() + "\", \"name\": \"y\"}"),
                "id");
        assertThat(api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"id\": \"" + id + "\"}")
                        .json()
                        .get("version")
                        .asLong())
                .as("the same id is accepted, and nothing was appended")
                .isZero();
    }

    @Test
    void anUpdateKeepsWhatItLeavesOut() {
        String id = api.post(
                        "/api/v1/assistants",
                        TestTokens.admin(),
                        "{\"name\": \"x\", \"description\": \"d\", \"configuration\": {\"temperature\": 1.5, \"tags\": [\"a\"]}}")
                .json()
                .get("id")
                .asString();

        Response updated =
                api.put("/api/v1/assistants/" + id, TestTokens.admin(), "{\"configuration\": {\"top_p\": 0.5}}");

        assertThat(updated.json().get("description").asString()).isEqualTo("d");
        assertThat(updated.json().get("configuration").get("temperature").asDouble())
                .isEqualTo(1.5);
        assertThat(updated.json().get("configuration").get("top_p").asDouble()).isEqualTo(0.5);
        assertThat(updated.json().get("configuration").get("tags").get(0).asString())
                .isEqualTo("a");
    }

    @Test
    void aBadUuidIsAValidationError() {
        assertInvalid(api.put("/api/v1/assistants/not-a-uuid", TestTokens.admin(), "{}"), "id");
        assertInvalid(api.delete("/api/v1/assistants/123", TestTokens.admin()), "id");
    }

    @Test
    void anUnknownAssistantIsNotFound() {
        Response update = api.put("/api/v1/assistants/" + UUID.randomUUID(), TestTokens.admin(), "{\"name\": \"y\"}");
        Response delete = api.delete("/api/v1/assistants/" + UUID.randomUUID(), TestTokens.admin());

        assertThat(update.status()).isEqualTo(404);
        assertThat(update.json().get("code").asString()).isEqualTo("entity_not_found");
        assertThat(delete.status()).isEqualTo(404);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String huge = "{\"name\": \"x\", \"instructions\": \"" + "i".repeat(1024 * 1024) + "\"}";

        Response response = api.post("/api/v1/assistants", TestTokens.admin(), huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyJustUnderOneMebibyteIsReadWholeAndJudgedByItsFields() {
        String body = "{\"name\": \"x\", \"instructions\": \"" + "i".repeat(1024 * 1024 - 100) + "\"}";

        Response response = api.post("/api/v1/assistants", TestTokens.admin(), body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("details").get(0).get("field").asString())
                .isEqualTo("instructions");
    }

    @Test
    void aChunkedBodyOverOneMebibyteIsTooLarge() throws Exception {
        byte[] huge = ("{\"name\": \"x\", \"description\": \"" + "d".repeat(2 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        // an input stream of unknown length is sent chunked
        HttpResponse<String> response = post(
                "application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aMultipartTypeDoesNotLiftTheLimitWhereNothingIsUploaded() throws Exception {
        HttpResponse<String> response = post(
                "multipart/form-data; boundary=x", HttpRequest.BodyPublishers.ofString("x".repeat(2 * 1024 * 1024)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    private HttpResponse<String> post(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assistants"))
                                .header("Authorization", "Bearer " + TestTokens.admin())
                                .header("Content-Type", contentType)
                                .POST(body)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String create() {
        return api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "x"))
                .json()
                .get("id")
                .asString();
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(response.json().get("type").asString()).isEqualTo("FUNCTIONAL");
        assertThat(response.json().get("details").get(0).get("field").asString())
                .isEqualTo(field);
        assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "io.github.assistantsplatform");
    }
}
