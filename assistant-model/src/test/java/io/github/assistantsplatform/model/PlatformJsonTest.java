package io.github.assistantsplatform.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class PlatformJsonTest {

    private final JsonMapper json =
            PlatformJson.strictRequests(JsonMapper.builder()).build();

    @Test
    void everyCapitalStartsAWord() {
        assertThat(PlatformJson.jsonName("topKRetrieval")).isEqualTo("top_k_retrieval");
        assertThat(PlatformJson.jsonName("isEnabled")).isEqualTo("is_enabled");
        assertThat(PlatformJson.jsonName("configuration.maxOutputTokens")).isEqualTo("configuration.max_output_tokens");
        assertThat(PlatformJson.jsonName("name")).isEqualTo("name");
    }

    @Test
    void settingsUseTheNamesOfTheContract() {
        assertThat(SettingsJson.tree(AssistantSettings.DEFAULTS).propertyNames())
                .contains(
                        "top_k_retrieval",
                        "top_n_rerank",
                        "is_enabled",
                        "is_vectorized",
                        "linked_connector_ids",
                        "configuration");
        assertThat(SettingsJson.tree(AssistantSettings.DEFAULTS)
                        .get("configuration")
                        .get("max_output_tokens")
                        .asInt())
                .isEqualTo(4096);
    }

    @Test
    void requestsAreReadStrictly() {
        assertThatThrownBy(() -> json.readValue("{\"nme\": \"x\"}", AssistantSettings.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"top_k_retrieval\": \"25\"}", AssistantSettings.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("{\"name\": \"x\"} {}", AssistantSettings.class))
                .isInstanceOf(JacksonException.class);
    }
}
