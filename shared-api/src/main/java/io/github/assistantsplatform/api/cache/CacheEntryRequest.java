package io.github.assistantsplatform.api.cache;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PUT /api/v1/assistants/{id}/cache: the answer to keep for a question (and questions like it). */
public record CacheEntryRequest(
        @NotBlank @Size(max = 2000) String question,
        @NotNull @Size(min = 1, max = 100_000) String answer) {}
