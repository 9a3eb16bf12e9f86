package io.github.assistantsplatform.api.assistant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.ModelProvider;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * An assistant as the API shows it: every setting (unwrapped, so that a new setting shows without an edit
 * here), plus what the server derives and records.
 *
 * @param avatarTextColor the one set, else the one computed from the background
 */
public record AssistantResponse(
        UUID id,

        @JsonUnwrapped @JsonIgnoreProperties("avatar_text_color")
        AssistantSettings settings,

        String avatarTextColor,
        ModelProvider modelProvider,
        String avatarImage,
        String avatarUrl,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * The fields of a response that no request writes: a create or update that sends them back has them
     * ignored, as does one that sends {@code linked_connectors}, which the original API's responses carry.
     */
    public static final Set<String> READ_ONLY_FIELDS = readOnlyFields();

    public static AssistantResponse of(AssistantState state) {
        AssistantSettings settings = state.settings();
        return new AssistantResponse(
                state.id(),
                settings,
                settings.effectiveTextColor(),
                settings.model().provider(),
                state.avatar() == null ? null : state.avatar().objectKey(),
                state.avatar() == null ? null : avatarPath(state.id()),
                state.createdAt(),
                state.updatedAt(),
                state.version());
    }

    public static String avatarPath(UUID id) {
        return "/api/v1/assistants/" + id + "/avatar";
    }

    private static Set<String> readOnlyFields() {
        Set<String> fields = new HashSet<>(Set.of(
                "id",
                "created_at",
                "updated_at",
                "version",
                "model_provider",
                "avatar_image",
                "avatar_url",
                "linked_connectors"));
        fields.addAll(AssistantSettings.READ_ONLY);
        return Set.copyOf(fields);
    }
}
