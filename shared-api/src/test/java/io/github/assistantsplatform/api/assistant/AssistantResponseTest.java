package io.github.assistantsplatform.api.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.model.SettingsJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

class AssistantResponseTest {

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    private static final AssistantState STATE = AssistantState.fold(
            null,
            new AssistantCreated(
                    UUID.randomUUID(),
                    SettingsJson.tree(SettingsJson.created(JSON.readTree("{\"name\": \"Helper\"}")))),
            0,
            Instant.now());

    @Test
    void everyFieldOfAResponseIsEitherWritableOrIgnoredWhenSentBack() {
        Set<String> writable = new HashSet<>(SettingsJson.tree(STATE.settings()).propertyNames());
        writable.removeAll(AssistantSettings.READ_ONLY);
        Set<String> unclassified = new HashSet<>(
                JSON.<ObjectNode>valueToTree(AssistantResponse.of(STATE)).propertyNames());
        unclassified.removeAll(writable);
        unclassified.removeAll(AssistantResponse.READ_ONLY_FIELDS);

        assertThat(unclassified)
                .as("a new response field must be writable or read-only")
                .isEmpty();
        assertThat(AssistantResponse.READ_ONLY_FIELDS)
                .as("nothing writable is ignored")
                .doesNotContainAnyElementsOf(writable);
    }

    @Test
    void aResponseShowsEverySettingOnceWithTheTextColourToShow() {
        ObjectNode response = JSON.valueToTree(AssistantResponse.of(STATE));

        assertThat(response.get("avatar_text_color").asString()).isEqualTo("white");
        assertThat(response.get("is_vectorized").asBoolean()).isFalse();
        assertThat(response.get("model_provider").asString()).isEqualTo("ollama");
        assertThat(JSON.treeToValue(response, AssistantResponse.class))
                .as("read back as it was written")
                .isEqualTo(new AssistantResponse(
                        STATE.id(),
                        new AssistantSettings(
                                "Helper",
                                null,
                                "primary",
                                null,
                                50,
                                STATE.settings().instructions(),
                                STATE.settings().model(),
                                false,
                                "cohere",
                                25,
                                5,
                                0.5,
                                0.5,
                                false,
                                0.9,
                                3600,
                                false,
                                true,
                                STATE.settings().configuration(),
                                STATE.settings().linkedConnectorIds(),
                                false),
                        "white",
                        STATE.settings().model().provider(),
                        null,
                        null,
                        STATE.createdAt(),
                        STATE.updatedAt(),
                        0));
    }
}
