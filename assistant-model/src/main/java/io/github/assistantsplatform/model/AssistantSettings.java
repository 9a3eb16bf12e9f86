package io.github.assistantsplatform.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything decided about an assistant, with its rules: each field's constraints are written here and
 * nowhere else, and are checked on the result of a create or an update (a merge patch over
 * {@link #DEFAULTS} or over the current settings, see {@link SettingsJson}). A field without a
 * {@code @NotNull}/{@code @NotBlank} may be null, which is how a client clears it. Adding a field is one
 * component here, with its default in {@link #DEFAULTS}.
 */
public record AssistantSettings(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 1000) String description,
        @NotNull @Size(min = 1, max = 50) String avatarBgColor,
        /* null: computed from the background, see {@link #effectiveTextColor()} */
        @Size(min = 1, max = 50) String avatarTextColor,
        @NotNull @Min(0) @Max(100) Integer avatarVerticalPosition,
        @AnswerInput @NotNull @Size(min = 1, max = 50_000) String instructions,
        @AnswerInput @NotNull AssistantModel model,
        @AnswerInput @NotNull Boolean useReranker,
        @AnswerInput @NotNull @Size(min = 1, max = 50) String rerankProvider,
        @AnswerInput @NotNull @Min(1) @Max(100) Integer topKRetrieval,
        @AnswerInput @NotNull @Min(1) @Max(50) Integer topNRerank,

        @AnswerInput @NotNull @DecimalMin("0") @DecimalMax("1")
        Double retrievalSimilarityCutoff,

        @AnswerInput @NotNull @DecimalMin("0") @DecimalMax("1")
        Double similarityCutoff,

        @NotNull Boolean useSemanticCache,

        @AnswerInput @NotNull @DecimalMin("0") @DecimalMax("1")
        Double cacheSimilarityThreshold,

        @NotNull @Min(1) Integer cacheTtlSeconds,
        @NotNull Boolean userAuthentication,
        @NotNull Boolean isEnabled,
        @AnswerInput @NotNull @Valid AssistantConfiguration configuration,

        @AnswerInput @NotNull @Size(max = 100) @UniqueElements
        List<@NotNull UUID> linkedConnectorIds,
        /* whether the connectors' documents are indexed for retrieval; kept by the platform */
        @ReadOnly @NotNull Boolean isVectorized) {

    /** What a create leaves out takes these; the name has none. */
    public static final AssistantSettings DEFAULTS = new AssistantSettings(
            null,
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
            AssistantConfiguration.DEFAULTS,
            List.of(),
            false);

    /** JSON names of the settings whose change makes cached answers stale. */
    public static final Set<String> ANSWER_INPUTS = SettingsJson.namesAnnotated(AnswerInput.class);

    /** JSON names of the settings no request writes. */
    public static final Set<String> READ_ONLY = SettingsJson.namesAnnotated(ReadOnly.class);

    public AssistantSettings {
        // a copy that tolerates a null element, which the rules then report instead of a failed construction
        linkedConnectorIds =
                linkedConnectorIds == null ? null : Collections.unmodifiableList(new ArrayList<>(linkedConnectorIds));
        // settings stored before the field existed (read-model documents, Kafka records) have none
        isVectorized = isVectorized != null && isVectorized;
    }

    /** Every broken rule: each field's constraints, or when they all hold, the rules that span several fields. */
    public List<FieldViolation> violations() {
        List<FieldViolation> violations = SettingsRules.violationsOf(this);
        if (!violations.isEmpty()) {
            return violations;
        }
        if (topNRerank > topKRetrieval) {
            return List.of(new FieldViolation(
                    "top_n_rerank", "must be less than or equal to top_k_retrieval (" + topKRetrieval + ")"));
        }
        return List.of();
    }

    /** @throws ValidationException listing the {@link #violations()}, if there are any */
    public AssistantSettings requireValid() {
        List<FieldViolation> violations = violations();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return this;
    }

    /** The text colour to show: the one set, else the one computed from the background. */
    public String effectiveTextColor() {
        return avatarTextColor != null ? avatarTextColor : AvatarTextColor.forBackground(avatarBgColor);
    }
}
