package com.example.assistants.support.json;

import com.example.assistants.api.assistant.AssistantCreate;
import com.example.assistants.api.assistant.AssistantResponse;
import com.example.assistants.api.assistant.AssistantUpdate;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformJsonTest {

    private final JsonMapper json = PlatformJson.strictRequests(JsonMapper.builder()).build();

    @Test
    void everyCapitalStartsAWord() {
        assertThat(PlatformJson.jsonName("topKRetrieval")).isEqualTo("top_k_retrieval");
        assertThat(PlatformJson.jsonName("isEnabled")).isEqualTo("is_enabled");
        assertThat(PlatformJson.jsonName("configuration.maxOutputTokens")).isEqualTo("configuration.max_output_tokens");
        assertThat(PlatformJson.jsonName("name")).isEqualTo("name");
    }

    @Test
    void responsesUseTheNamesOfTheContract() {
        AssistantResponse response = AssistantResponse.of(UUID.randomUUID(),
                json.readValue("{\"name\": \"Helper\"}", AssistantCreate.class).toSettings(),
                null, Instant.parse("2026-01-02T03:04:05Z"), Instant.parse("2026-01-02T03:04:05Z"), 0);

        JsonNode tree = json.valueToTree(response);

        assertThat(tree.propertyNames()).contains("top_k_retrieval", "top_n_rerank", "is_enabled", "model_provider",
                "avatar_url", "linked_connector_ids", "created_at");
        assertThat(tree.get("created_at").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(tree.get("configuration").get("max_output_tokens").asInt()).isEqualTo(4096);
    }

    @Test
    void anAbsentClearableFieldStaysAbsentAndAnExplicitNullClears() {
        AssistantUpdate absent = json.readValue("{\"name\": \"x\"}", AssistantUpdate.class);
        AssistantUpdate cleared = json.readValue("{\"description\": null}", AssistantUpdate.class);

        assertThat(absent.description()).isNull();
        assertThat(cleared.description()).isEqualTo(Optional.empty());
    }

    @Test
    void storedUpdatesKeepTheDifferenceBetweenAbsentAndCleared() {
        AssistantUpdate cleared = json.readValue("{\"description\": null, \"name\": \"x\"}", AssistantUpdate.class);

        String stored = json.writeValueAsString(cleared);

        assertThat(stored).isEqualTo("{\"name\":\"x\",\"description\":null}");
        assertThat(json.readValue(stored, AssistantUpdate.class)).isEqualTo(cleared);
    }

    @Test
    void requestsAreReadStrictly() {
        assertThatThrownBy(() -> json.readValue("{\"nme\": \"x\"}", AssistantUpdate.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"top_k_retrieval\": \"25\"}", AssistantUpdate.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\": \"x\"} {}", AssistantUpdate.class))
                .isInstanceOf(JacksonException.class);
    }
}
