package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The document a client is generated from describes the two request bodies as the service reads them: a
 * create with only {@code name} required and the defaults shown, an update as a merge patch; and every
 * example it offers is a request the service takes.
 */
class OpenApiDocumentTest extends CommandServiceTest {

    private JsonNode document;

    @BeforeEach
    void fetch() {
        document = api.get("/v3/api-docs", null).json();
    }

    @Test
    void aCreateNeedsOnlyANameAndShowsEveryDefault() {
        JsonNode create = schema(body("/api/v1/assistants", "post").get("application/json"));
        JsonNode defaults = SettingsJson.tree(AssistantSettings.DEFAULTS);

        assertThat(create.get("required").valueStream().map(JsonNode::asString)).containsExactly("name");
        assertThat(create.get("properties").propertyNames()).containsAll(defaults.propertyNames());
        defaults.properties().stream()
                .filter(setting -> !setting.getValue().isNull())
                .forEach(setting -> assertThat(
                                create.get("properties").get(setting.getKey()).get("default"))
                        .as(setting.getKey())
                        .isEqualTo(setting.getValue()));
        assertThat(create.get("properties").get("is_vectorized").get("readOnly").asBoolean())
                .isTrue();
    }

    @Test
    void anUpdateIsAMergePatchWhereNullIsAllowedExactlyWhereItClears() {
        JsonNode content = body("/api/v1/assistants/{id}", "put");
        JsonNode patch = schema(content.get("application/json"));

        assertThat(content.propertyNames()).contains("application/json", "application/merge-patch+json");
        assertThat(patch.has("required")).isFalse();
        assertThat(patch.get("properties")
                        .get("description")
                        .get("type")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("string", "null");
        assertThat(patch.get("properties")
                        .get("avatar_text_color")
                        .get("type")
                        .valueStream()
                        .map(JsonNode::asString))
                .containsExactlyInAnyOrder("string", "null");
        assertThat(patch.get("properties").get("name").get("type").asString()).isEqualTo("string");
        assertThat(patch.get("properties").get("top_k_retrieval").get("type").asString())
                .isEqualTo("integer");
        JsonNode configuration = resolve(patch.get("properties").get("configuration"));
        assertThat(configuration.has("required"))
                .as("a patch of the generation parameters too")
                .isFalse();
        assertThat(configuration.get("properties").propertyNames()).contains("temperature", "max_output_tokens");
        assertThat(document.get("components").get("schemas").has("AssistantSettings"))
                .as("no schema says every setting is required")
                .isFalse();
        assertThat(document.toString()).as("nor is one referred to").doesNotContain("schemas/AssistantSettings\"");
    }

    @Test
    void everyExampleIsARequestTheServiceTakes() {
        Set<String> tried = new HashSet<>();
        body("/api/v1/assistants", "post")
                .get("application/json")
                .get("examples")
                .properties()
                .forEach(example -> {
                    Response created = api.post(
                            "/api/v1/assistants",
                            TestTokens.admin(),
                            example.getValue().get("value"));
                    assertThat(created.status())
                            .as("create example %s: %s", example.getKey(), created)
                            .isEqualTo(201);
                    tried.add("create " + example.getKey());
                });
        String id = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Patched"))
                .json()
                .get("id")
                .asString();
        body("/api/v1/assistants/{id}", "put")
                .get("application/json")
                .get("examples")
                .properties()
                .forEach(example -> {
                    Response updated = api.send(
                            "PUT",
                            "/api/v1/assistants/" + id,
                            TestTokens.admin(),
                            example.getValue().get("value").toString(),
                            Map.of("Content-Type", "application/merge-patch+json"));
                    assertThat(updated.status())
                            .as("update example %s: %s", example.getKey(), updated)
                            .isEqualTo(200);
                    tried.add("update " + example.getKey());
                });
        assertThat(tried).hasSizeGreaterThanOrEqualTo(4);
    }

    private JsonNode body(String path, String method) {
        return document.get("paths").get(path).get(method).get("requestBody").get("content");
    }

    private JsonNode schema(JsonNode media) {
        return resolve(media.get("schema"));
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.get("$ref").asString();
        return document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
