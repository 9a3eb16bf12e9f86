package io.github.assistantsplatform.api.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** DELETE /api/v1/assistants/{id}/cache answers this; command-service takes it to record the purge. */
public record CachePurgeResult(@NotNull @Min(0) Long deletedCount) {}
