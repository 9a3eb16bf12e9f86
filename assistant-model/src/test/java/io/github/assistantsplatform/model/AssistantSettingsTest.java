package io.github.assistantsplatform.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

class AssistantSettingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final AssistantSettings HELPER = SettingsJson.created(json("{\"name\": \"Helper\"}"));

    private static final AssistantSettings EVERYTHING_ELSE = new AssistantSettings(
            "Other",
            "described",
            "#101010",
            "#FAFAFA",
            10,
            "Be brief.",
            AssistantModel.MISTRAL,
            true,
            "jina",
            40,
            20,
            0.25,
            0.75,
            true,
            0.8,
            60,
            true,
            false,
            new AssistantConfiguration(1.5, 0.9, 1.0, -1.0, 1000, List.of("support")),
            List.of(UUID.randomUUID()),
            false);

    private static ObjectNode json(String json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static List<String> refusedFields(Runnable decision) {
        try {
            decision.run();
        } catch (ValidationException refused) {
            return refused.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void createFillsTheDefaultsOfTheContract() {
        assertThat(HELPER)
                .isEqualTo(new AssistantSettings(
                        "Helper",
                        null,
                        "primary",
                        null,
                        50,
                        "You are a helpful assistant.",
                        AssistantModel.OLLAMA,
                        false,
                        "cohere",
                        25,
                        5,
                        0.5,
                        0.5,
                        false,
                        0.90,
                        3600,
                        false,
                        true,
                        new AssistantConfiguration(0.7, 1.0, 0.0, 0.0, 4096, List.of()),
                        List.of(),
                        false));
    }

    @Test
    void aCreateTakesANullForTheDefaultAndAnUpdateForAClearedFieldOrAViolation() {
        assertThat(SettingsJson.created(
                        json("{\"name\": \"Helper\", \"top_k_retrieval\": null, \"description\": null}")))
                .isEqualTo(HELPER);
        assertThat(SettingsJson.updated(EVERYTHING_ELSE, json("{\"description\": null}"))
                        .description())
                .isNull();
        assertThat(refusedFields(() -> SettingsJson.updated(EVERYTHING_ELSE, json("{\"top_k_retrieval\": null}"))))
                .containsExactly("top_k_retrieval");
    }

    @Test
    void theChangesBetweenTwoStatesLeadFromOneToTheOther() {
        ObjectNode forward = SettingsJson.changes(HELPER, EVERYTHING_ELSE);
        ObjectNode back = SettingsJson.changes(EVERYTHING_ELSE, HELPER);

        assertThat(SettingsJson.applied(HELPER, forward)).isEqualTo(EVERYTHING_ELSE);
        assertThat(SettingsJson.applied(EVERYTHING_ELSE, back)).isEqualTo(HELPER);
        assertThat(back.get("description").isNull()).isTrue();
        assertThat(back.get("avatar_text_color").isNull()).isTrue();
        assertThat(back.get("configuration").propertyNames())
                .as("only the keys that changed")
                .containsExactlyInAnyOrder(
                        "temperature", "top_p", "presence_penalty", "frequency_penalty", "max_output_tokens", "tags");
    }

    @Test
    void noChangesBetweenEqualStates() {
        assertThat(SettingsJson.changes(EVERYTHING_ELSE, EVERYTHING_ELSE).isEmpty())
                .isTrue();
        assertThat(SettingsJson.updated(EVERYTHING_ELSE, json("{\"name\": \"Other\"}")))
                .isEqualTo(EVERYTHING_ELSE);
    }

    @Test
    void aPartialConfigurationKeepsTheOtherGenerationSettings() {
        AssistantSettings warmer =
                SettingsJson.updated(EVERYTHING_ELSE, json("{\"configuration\": {\"temperature\": 1.9}}"));

        assertThat(warmer.configuration())
                .isEqualTo(new AssistantConfiguration(1.9, 0.9, 1.0, -1.0, 1000, List.of("support")));
        assertThat(SettingsJson.changes(EVERYTHING_ELSE, warmer))
                .isEqualTo(json("{\"configuration\": {\"temperature\": 1.9}}"));
    }

    @Test
    void eachConstraintHoldsForCreateAndUpdateAlike() {
        assertThat(refusedFields(() -> SettingsJson.created(json("{\"name\": \"x\", \"top_k_retrieval\": 101}"))))
                .containsExactly("top_k_retrieval");
        assertThat(refusedFields(() -> SettingsJson.updated(HELPER, json("{\"top_k_retrieval\": 101}"))))
                .containsExactly("top_k_retrieval");
        assertThat(refusedFields(() -> SettingsJson.updated(HELPER, json("{\"configuration\": {\"top_p\": 2}}"))))
                .containsExactly("configuration.top_p");
        assertThat(refusedFields(() -> SettingsJson.created(json("{\"description\": \"no name\"}"))))
                .containsExactly("name");
    }

    @Test
    void unknownFieldsAndWrongTypesAreRefusedWithTheirPath() {
        assertThat(refusedFields(() -> SettingsJson.updated(HELPER, json("{\"top_k\": 3}"))))
                .containsExactly("top_k");
        assertThat(refusedFields(
                        () -> SettingsJson.updated(HELPER, json("{\"configuration\": {\"temperature\": \"hot\"}}"))))
                .containsExactly("configuration.temperature");
        assertThat(refusedFields(() -> SettingsJson.created(JSON.readTree("[]"))))
                .containsExactly("body");
    }

    @Test
    void readOnlySettingsAreIgnoredInRequests() {
        assertThat(AssistantSettings.READ_ONLY).containsExactly("is_vectorized");
        assertThat(SettingsJson.updated(HELPER, json("{\"is_vectorized\": true}"))
                        .isVectorized())
                .isFalse();
        assertThat(SettingsJson.created(json("{\"name\": \"Helper\", \"is_vectorized\": true}")))
                .isEqualTo(HELPER);
    }

    @Test
    void settingsStoredBeforeAFieldExistedReadWithItsDefault() {
        ObjectNode stored = SettingsJson.tree(HELPER);
        stored.remove("is_vectorized");
        stored.put("a_field_of_a_newer_version", 1);

        assertThat(SettingsJson.stored(stored)).isEqualTo(HELPER);
    }

    @Test
    void moreRerankedThanRetrievedDocumentsIsAViolation() {
        assertThat(HELPER.violations()).isEmpty();
        assertThat(refusedFields(
                        () -> SettingsJson.updated(HELPER, json("{\"top_k_retrieval\": 5, \"top_n_rerank\": 6}"))))
                .containsExactly("top_n_rerank");
        assertThat(SettingsJson.updated(HELPER, json("{\"top_k_retrieval\": 5, \"top_n_rerank\": 5}"))
                        .topNRerank())
                .isEqualTo(5);
        assertThat(refusedFields(() -> SettingsJson.updated(HELPER, json("{\"top_k_retrieval\": 4}"))))
                .as("a change to one side is checked against the other's current value")
                .containsExactly("top_n_rerank");
    }

    @Test
    void textColourIsComputedOnlyWhenNotSet() {
        assertThat(HELPER.effectiveTextColor()).as("primary, as the original").isEqualTo("white");
        assertThat(EVERYTHING_ELSE.effectiveTextColor()).isEqualTo("#FAFAFA");
        assertThat(SettingsJson.updated(HELPER, json("{\"avatar_bg_color\": \"#FAFAFA\"}"))
                        .effectiveTextColor())
                .isEqualTo("black");
    }

    @Test
    void connectorIdsMustBeUnique() {
        UUID connector = UUID.randomUUID();
        JsonNode duplicates = json("{\"linked_connector_ids\": [\"" + connector + "\", \"" + connector + "\"]}");

        assertThat(refusedFields(() -> SettingsJson.updated(HELPER, duplicates)))
                .containsExactly("linked_connector_ids");
    }

    @Test
    void answerInputsAreTheSettingsThatShapeAnAnswer() {
        assertThat(AssistantSettings.ANSWER_INPUTS)
                .contains("instructions", "model", "configuration", "linked_connector_ids")
                .doesNotContain("name", "description", "is_enabled", "cache_ttl_seconds");
    }
}
