package io.github.assistantsplatform.api.cache;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/v1/assistants/{id}/cache/lookup */
public record CacheLookupRequest(@NotBlank @Size(max = 2000) String question) {}
