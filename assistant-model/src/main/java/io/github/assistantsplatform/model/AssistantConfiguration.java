package io.github.assistantsplatform.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The LLM generation settings, part of {@link AssistantSettings} and merged key by key as it is. */
public record AssistantConfiguration(
        @NotNull @DecimalMin("0") @DecimalMax("2") Double temperature,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double topP,
        @NotNull @DecimalMin("-2") @DecimalMax("2") Double presencePenalty,
        @NotNull @DecimalMin("-2") @DecimalMax("2") Double frequencyPenalty,
        @NotNull @Min(1) @Max(8192) Integer maxOutputTokens,
        @NotNull @Size(max = 50) List<@NotNull @Size(max = 100) String> tags) {

    public static final AssistantConfiguration DEFAULTS =
            new AssistantConfiguration(0.7, 1.0, 0.0, 0.0, 4096, List.of());

    public AssistantConfiguration {
        tags = tags == null ? null : Collections.unmodifiableList(new ArrayList<>(tags));
    }
}
