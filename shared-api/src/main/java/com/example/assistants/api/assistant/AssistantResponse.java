package com.example.assistants.api.assistant;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An assistant as the API shows it: its settings, plus what the server derives and records. */
public record AssistantResponse(
        UUID id,
        String name,
        String description,
        String avatarBgColor,
        String avatarTextColor,
        int avatarVerticalPosition,
        String instructions,
        AssistantModel model,
        ModelProvider modelProvider,
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
        List<UUID> linkedConnectorIds,
        String avatarImage,
        String avatarUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static AssistantResponse of(UUID id, AssistantSettings settings, Avatar avatar,
                                       Instant createdAt, Instant updatedAt, long version) {
        return new AssistantResponse(
                id,
                settings.name(),
                settings.description(),
                settings.avatarBgColor(),
                settings.effectiveTextColor(),
                settings.avatarVerticalPosition(),
                settings.instructions(),
                settings.model(),
                settings.model().provider(),
                settings.useReranker(),
                settings.rerankProvider(),
                settings.topKRetrieval(),
                settings.topNRerank(),
                settings.retrievalSimilarityCutoff(),
                settings.similarityCutoff(),
                settings.useSemanticCache(),
                settings.cacheSimilarityThreshold(),
                settings.cacheTtlSeconds(),
                settings.userAuthentication(),
                settings.isEnabled(),
                settings.configuration(),
                settings.linkedConnectorIds(),
                avatar == null ? null : avatar.objectKey(),
                avatar == null ? null : avatarPath(id),
                createdAt,
                updatedAt,
                version);
    }

    public static String avatarPath(UUID id) {
        return "/api/v1/assistants/" + id + "/avatar";
    }
}
