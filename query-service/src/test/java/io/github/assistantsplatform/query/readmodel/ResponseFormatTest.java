package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.support.test.Digests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The read model stores each assistant's answer rendered; one rendered by a build whose answer had other
 * fields must not be sent as today's. This test knows the fields each
 * {@link AssistantDocuments#CURRENT_RESPONSE_FORMAT} stands for and fails when they change under the same
 * format, so that nobody forgets to raise it.
 */
class ResponseFormatTest {

    /** Each format's fields (SHA-256 of {@link #fields}); add the new one when raising the format. */
    private static final Map<Integer, String> FIELDS =
            Map.of(1, "a4ec0f69c749c76771110bf25f826d744098736906de4b465e02f871ed30c6f2");

    @Test
    void theAnswersFieldsAreTheOnesItsFormatStandsFor() throws Exception {
        AssistantState state = new AssistantState(
                UUID.fromString("7d0b7bde-5c1e-4d53-9f3c-0a9d7c0e2b11"),
                AssistantSettings.DEFAULTS,
                new Avatar(
                        "7d0b7bde-5c1e-4d53-9f3c-0a9d7c0e2b11/" + "a".repeat(64) + ".png",
                        "image/png",
                        10,
                        "a".repeat(64),
                        1,
                        1),
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"),
                3,
                false);
        String fields = fields(JsonMapper.builder().build().readTree(AssistantDocuments.render(state)));

        assertThat(Digests.sha256(fields))
                .as(
                        "the answer's fields changed to %s: raise AssistantDocuments.CURRENT_RESPONSE_FORMAT and record "
                                + "the new fields' hash here",
                        fields)
                .isEqualTo(FIELDS.get(AssistantDocuments.CURRENT_RESPONSE_FORMAT));
    }

    /** Every field's path, sorted. */
    private static String fields(JsonNode answer) {
        TreeSet<String> paths = new TreeSet<>();
        collect(answer, "", paths);
        return String.join(",", paths);
    }

    private static void collect(JsonNode node, String path, TreeSet<String> paths) {
        node.properties().forEach(field -> {
            String fieldPath = path + field.getKey();
            paths.add(fieldPath);
            if (field.getValue().isObject()) {
                collect(field.getValue(), fieldPath + ".", paths);
            }
        });
    }
}
