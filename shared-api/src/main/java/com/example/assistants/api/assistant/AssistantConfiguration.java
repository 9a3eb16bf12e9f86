package com.example.assistants.api.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

/**
 * The LLM generation settings. In a request every field is optional: on create an absent field
 * takes its default, on update it stays as it was. In a stored state every field is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssistantConfiguration(
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @DecimalMin("0") @DecimalMax("1") Double topP,
        @DecimalMin("-2") @DecimalMax("2") Double presencePenalty,
        @DecimalMin("-2") @DecimalMax("2") Double frequencyPenalty,
        @Min(1) @Max(8192) Integer maxOutputTokens,
        @Size(max = 50) List<@NotNull @Size(max = 100) String> tags) {

    public static final AssistantConfiguration DEFAULTS = new AssistantConfiguration(0.7, 1.0, 0.0, 0.0, 4096, List.of());

    public AssistantConfiguration {
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** This request's values over {@code base}: what is absent here stays as in base. */
    public AssistantConfiguration over(AssistantConfiguration base) {
        return new AssistantConfiguration(
                Objects.requireNonNullElse(temperature, base.temperature),
                Objects.requireNonNullElse(topP, base.topP),
                Objects.requireNonNullElse(presencePenalty, base.presencePenalty),
                Objects.requireNonNullElse(frequencyPenalty, base.frequencyPenalty),
                Objects.requireNonNullElse(maxOutputTokens, base.maxOutputTokens),
                Objects.requireNonNullElse(tags, base.tags));
    }

    /** The fields of {@code after} that differ from {@code before}; null when none does. */
    public static AssistantConfiguration changes(AssistantConfiguration before, AssistantConfiguration after) {
        AssistantConfiguration changes = new AssistantConfiguration(
                changed(before.temperature, after.temperature),
                changed(before.topP, after.topP),
                changed(before.presencePenalty, after.presencePenalty),
                changed(before.frequencyPenalty, after.frequencyPenalty),
                changed(before.maxOutputTokens, after.maxOutputTokens),
                changed(before.tags, after.tags));
        return changes.equals(new AssistantConfiguration(null, null, null, null, null, null)) ? null : changes;
    }

    private static <T> T changed(T before, T after) {
        return Objects.equals(before, after) ? null : after;
    }
}
