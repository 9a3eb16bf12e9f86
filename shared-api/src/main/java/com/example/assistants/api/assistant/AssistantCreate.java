package com.example.assistants.api.assistant;

import com.example.assistants.api.validation.UniqueElements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** POST /api/v1/assistants: only {@code name} is required, every other field has a default. */
public record AssistantCreate(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 1000) String description,
        @Size(min = 1, max = 50) String avatarBgColor,
        @Size(min = 1, max = 50) String avatarTextColor,
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

    public static final String DEFAULT_AVATAR_BG_COLOR = "primary";
    public static final String DEFAULT_INSTRUCTIONS = "You are a helpful assistant.";
    public static final String DEFAULT_RERANK_PROVIDER = "cohere";

    public AssistantSettings toSettings() {
        return new AssistantSettings(
                name,
                description,
                Objects.requireNonNullElse(avatarBgColor, DEFAULT_AVATAR_BG_COLOR),
                avatarTextColor,
                Objects.requireNonNullElse(avatarVerticalPosition, 50),
                Objects.requireNonNullElse(instructions, DEFAULT_INSTRUCTIONS),
                Objects.requireNonNullElse(model, AssistantModel.OLLAMA),
                Objects.requireNonNullElse(useReranker, false),
                Objects.requireNonNullElse(rerankProvider, DEFAULT_RERANK_PROVIDER),
                Objects.requireNonNullElse(topKRetrieval, 25),
                Objects.requireNonNullElse(topNRerank, 5),
                Objects.requireNonNullElse(retrievalSimilarityCutoff, 0.5),
                Objects.requireNonNullElse(similarityCutoff, 0.5),
                Objects.requireNonNullElse(useSemanticCache, false),
                Objects.requireNonNullElse(cacheSimilarityThreshold, 0.90),
                Objects.requireNonNullElse(cacheTtlSeconds, 3600),
                Objects.requireNonNullElse(userAuthentication, false),
                Objects.requireNonNullElse(isEnabled, true),
                configuration == null ? AssistantConfiguration.DEFAULTS : configuration.over(AssistantConfiguration.DEFAULTS),
                Objects.requireNonNullElse(linkedConnectorIds, List.of()));
    }
}
