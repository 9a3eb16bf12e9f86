package com.example.assistants.api.assistant;

import com.example.assistants.api.error.FieldViolation;
import com.example.assistants.api.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything an admin decides about an assistant, all fields set: the state an assistant is
 * created with and the state every update is merged into. {@code description} and
 * {@code avatarTextColor} may be null (no description; text colour computed from the background).
 */
public record AssistantSettings(
        String name,
        String description,
        String avatarBgColor,
        String avatarTextColor,
        int avatarVerticalPosition,
        String instructions,
        AssistantModel model,
        boolean useReranker,
        String rerankProvider,
        int topKRetrieval,
        int topNRerank,
        double retrievalSimilarityCutoff,
        double similarityCutoff,
        boolean useSemanticCache,
        double cacheSimilarityThreshold,
        int cacheTtlSeconds,
        boolean userAuthentication,
        boolean isEnabled,
        AssistantConfiguration configuration,
        List<UUID> linkedConnectorIds) {

    public AssistantSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(avatarBgColor, "avatarBgColor");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rerankProvider, "rerankProvider");
        Objects.requireNonNull(configuration, "configuration");
        linkedConnectorIds = List.copyOf(linkedConnectorIds);
    }

    /** The state after {@code update}: its present fields replace these, an empty Optional clears. */
    public AssistantSettings with(AssistantUpdate update) {
        return new AssistantSettings(
                Objects.requireNonNullElse(update.name(), name),
                update.description() == null ? description : update.description().orElse(null),
                Objects.requireNonNullElse(update.avatarBgColor(), avatarBgColor),
                update.avatarTextColor() == null ? avatarTextColor : update.avatarTextColor().orElse(null),
                Objects.requireNonNullElse(update.avatarVerticalPosition(), avatarVerticalPosition),
                Objects.requireNonNullElse(update.instructions(), instructions),
                Objects.requireNonNullElse(update.model(), model),
                Objects.requireNonNullElse(update.useReranker(), useReranker),
                Objects.requireNonNullElse(update.rerankProvider(), rerankProvider),
                Objects.requireNonNullElse(update.topKRetrieval(), topKRetrieval),
                Objects.requireNonNullElse(update.topNRerank(), topNRerank),
                Objects.requireNonNullElse(update.retrievalSimilarityCutoff(), retrievalSimilarityCutoff),
                Objects.requireNonNullElse(update.similarityCutoff(), similarityCutoff),
                Objects.requireNonNullElse(update.useSemanticCache(), useSemanticCache),
                Objects.requireNonNullElse(update.cacheSimilarityThreshold(), cacheSimilarityThreshold),
                Objects.requireNonNullElse(update.cacheTtlSeconds(), cacheTtlSeconds),
                Objects.requireNonNullElse(update.userAuthentication(), userAuthentication),
                Objects.requireNonNullElse(update.isEnabled(), isEnabled),
                update.configuration() == null ? configuration : update.configuration().over(configuration),
                Objects.requireNonNullElse(update.linkedConnectorIds(), linkedConnectorIds));
    }

    /** The rules that span several fields, which a single field's constraint cannot state. */
    public List<FieldViolation> crossFieldViolations() {
        List<FieldViolation> violations = new ArrayList<>();
        if (topNRerank > topKRetrieval) {
            violations.add(new FieldViolation("top_n_rerank",
                    "must be less than or equal to top_k_retrieval (" + topKRetrieval + ")"));
        }
        return violations;
    }

    /** @throws ValidationException listing the {@link #crossFieldViolations()}, if there are any */
    public void requireConsistent() {
        List<FieldViolation> violations = crossFieldViolations();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** The text colour to show: the one set, else the one computed from the background. */
    public String effectiveTextColor() {
        return avatarTextColor != null ? avatarTextColor : AvatarTextColor.forBackground(avatarBgColor);
    }
}
