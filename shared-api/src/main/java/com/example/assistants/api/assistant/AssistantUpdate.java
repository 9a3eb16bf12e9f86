package com.example.assistants.api.assistant;

import com.example.assistants.api.validation.UniqueElements;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A partial change of an assistant: PUT /api/v1/assistants/{id}, and the payload of the
 * AssistantUpdated event (then holding only the fields that changed). A null field is absent and
 * stays as it was; the two nullable fields are Optionals so that an explicit JSON null (an empty
 * Optional) clears them. An explicit null for any other field is refused, not taken for absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantUpdate(
        @Size(min = 1, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        Optional<@Size(max = 1000) String> description,
        @Size(min = 1, max = 50) String avatarBgColor,
        Optional<@Size(min = 1, max = 50) String> avatarTextColor,
        @Min(0) @Max(100) Integer avatarVerticalPosition,
        @Size(min = 1, max = 50_000) String instructions,
        AssistantModel model,
        Boolean useReranker,
        @Size(min = 1, max = 50) String rerankProvider,
        @Min(1) @Max(100) Integer topKRetrieval,
        @Min(1) @Max(50) Integer topNRerank,
        @DecimalMin("0") @DecimalMax("1") Double retrievalSimilarityCutoff,
        @DecimalMin("0") @DecimalMax("1") Double similarityCutoff,
        Boolean useSemanticCache,
        @DecimalMin("0") @DecimalMax("1") Double cacheSimilarityThreshold,
        @Min(1) Integer cacheTtlSeconds,
        Boolean userAuthentication,
        Boolean isEnabled,
        @Valid AssistantConfiguration configuration,
        @Size(max = 100) @UniqueElements List<@NotNull UUID> linkedConnectorIds) {

    /** JSON names of the fields that an explicit null clears; for every other field null is refused. */
    public static final Set<String> CLEARABLE_FIELDS = Set.of("description", "avatar_text_color");

    public static final AssistantUpdate NONE = new AssistantUpdate(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    public boolean changesNothing() {
        return equals(NONE);
    }

    /** The fields of {@code after} that differ from {@code before}, with their new values. */
    public static AssistantUpdate between(AssistantSettings before, AssistantSettings after) {
        return new AssistantUpdate(
                changed(before.name(), after.name()),
                Objects.equals(before.description(), after.description()) ? null : Optional.ofNullable(after.description()),
                changed(before.avatarBgColor(), after.avatarBgColor()),
                Objects.equals(before.avatarTextColor(), after.avatarTextColor()) ? null : Optional.ofNullable(after.avatarTextColor()),
                changed(before.avatarVerticalPosition(), after.avatarVerticalPosition()),
                changed(before.instructions(), after.instructions()),
                changed(before.model(), after.model()),
                changed(before.useReranker(), after.useReranker()),
                changed(before.rerankProvider(), after.rerankProvider()),
                changed(before.topKRetrieval(), after.topKRetrieval()),
                changed(before.topNRerank(), after.topNRerank()),
                changed(before.retrievalSimilarityCutoff(), after.retrievalSimilarityCutoff()),
                changed(before.similarityCutoff(), after.similarityCutoff()),
                changed(before.useSemanticCache(), after.useSemanticCache()),
                changed(before.cacheSimilarityThreshold(), after.cacheSimilarityThreshold()),
                changed(before.cacheTtlSeconds(), after.cacheTtlSeconds()),
                changed(before.userAuthentication(), after.userAuthentication()),
                changed(before.isEnabled(), after.isEnabled()),
                AssistantConfiguration.changes(before.configuration(), after.configuration()),
                changed(before.linkedConnectorIds(), after.linkedConnectorIds()));
    }

    private static <T> T changed(T before, T after) {
        return Objects.equals(before, after) ? null : after;
    }
}
