package com.example.assistants.api.assistant;

import com.example.assistants.api.error.FieldViolation;
import com.example.assistants.api.error.ValidationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssistantSettingsTest {

    private static final AssistantSettings DEFAULTS = new AssistantCreate("Helper", null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null).toSettings();

    private static final AssistantSettings EVERYTHING_ELSE = new AssistantSettings("Other", "described", "#101010",
            "#FAFAFA", 10, "Be brief.", AssistantModel.MISTRAL, true, "jina", 40, 20, 0.25, 0.75, true, 0.8, 60, true,
            false, new AssistantConfiguration(1.5, 0.9, 1.0, -1.0, 1000, List.of("support")),
            List.of(UUID.randomUUID()));

    @Test
    void createFillsTheDefaultsOfTheContract() {
        assertThat(DEFAULTS).isEqualTo(new AssistantSettings("Helper", null, "primary", null, 50,
                "You are a helpful assistant.", AssistantModel.OLLAMA, false, "cohere", 25, 5, 0.5, 0.5, false, 0.90,
                3600, false, true, new AssistantConfiguration(0.7, 1.0, 0.0, 0.0, 4096, List.of()), List.of()));
    }

    @Test
    void theChangesBetweenTwoStatesLeadFromOneToTheOther() {
        AssistantUpdate forward = AssistantUpdate.between(DEFAULTS, EVERYTHING_ELSE);
        AssistantUpdate back = AssistantUpdate.between(EVERYTHING_ELSE, DEFAULTS);

        assertThat(DEFAULTS.with(forward)).isEqualTo(EVERYTHING_ELSE);
        assertThat(EVERYTHING_ELSE.with(back)).isEqualTo(DEFAULTS);
        assertThat(back.description()).isEqualTo(Optional.empty());
        assertThat(back.avatarTextColor()).isEqualTo(Optional.empty());
    }

    @Test
    void noChangesBetweenEqualStates() {
        assertThat(AssistantUpdate.between(EVERYTHING_ELSE, EVERYTHING_ELSE).changesNothing()).isTrue();
        assertThat(EVERYTHING_ELSE.with(AssistantUpdate.NONE)).isEqualTo(EVERYTHING_ELSE);
    }

    @Test
    void aPartialConfigurationKeepsTheOtherGenerationSettings() {
        AssistantUpdate warmer = new AssistantUpdate(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, new AssistantConfiguration(1.9, null, null, null, null, null), null);

        AssistantConfiguration configuration = EVERYTHING_ELSE.with(warmer).configuration();

        assertThat(configuration).isEqualTo(new AssistantConfiguration(1.9, 0.9, 1.0, -1.0, 1000, List.of("support")));
    }

    @Test
    void moreRerankedThanRetrievedDocumentsIsAViolation() {
        assertThat(DEFAULTS.crossFieldViolations()).isEmpty();
        AssistantUpdate topNAboveTopK = new AssistantUpdate(null, null, null, null, null, null, null, null, null, 5, 6,
                null, null, null, null, null, null, null, null, null);
        AssistantUpdate topNEqualsTopK = new AssistantUpdate(null, null, null, null, null, null, null, null, null, 5, 5,
                null, null, null, null, null, null, null, null, null);

        assertThat(DEFAULTS.with(topNAboveTopK).crossFieldViolations())
                .singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("top_n_rerank"));
        assertThat(DEFAULTS.with(topNEqualsTopK).crossFieldViolations()).isEmpty();
        DEFAULTS.with(topNEqualsTopK).requireConsistent();
        assertThatThrownBy(() -> DEFAULTS.with(topNAboveTopK).requireConsistent())
                .isInstanceOfSatisfying(ValidationException.class, refused -> assertThat(refused.violations())
                        .extracting(FieldViolation::field).containsExactly("top_n_rerank"));
    }

    @Test
    void textColourIsComputedOnlyWhenNotSet() {
        assertThat(DEFAULTS.effectiveTextColor()).as("primary, as the original").isEqualTo("white");
        assertThat(EVERYTHING_ELSE.effectiveTextColor()).isEqualTo("#FAFAFA");
        AssistantUpdate darkBackground = new AssistantUpdate(null, null, "#101010", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        assertThat(DEFAULTS.with(darkBackground).effectiveTextColor()).isEqualTo("white");
    }

    @Test
    void connectorIdsMustBeUnique() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        UUID connector = UUID.randomUUID();
        AssistantUpdate duplicates = new AssistantUpdate(null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(connector, connector));

        assertThat(validator.validate(duplicates))
                .singleElement()
                .satisfies(violation -> assertThat(violation.getPropertyPath().toString()).isEqualTo("linkedConnectorIds"));
    }
}
