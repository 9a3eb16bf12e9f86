package com.example.assistants.api.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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

    /**
     * The fields of a response that no request writes, and {@code linked_connectors}, which the original
     * API's responses carry: a create or update that sends them back has them ignored.
     */
    public static final Set<String> READ_ONLY_FIELDS = Set.of("id", "created_at", "updated_at", "version",
            "model_provider", "avatar_image", "avatar_url", "linked_connectors");

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
