package io.github.assistantsplatform.api.command;

import java.util.UUID;

/** Records in the assistant's history that its semantic cache was purged, and how many entries went. */
public record RecordSemanticCachePurge(UUID assistantId, long deletedCount) implements AssistantCommand {}
