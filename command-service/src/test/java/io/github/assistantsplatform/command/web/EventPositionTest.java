package io.github.assistantsplatform.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Every write answers with the global position of its event; avatar-service asks an assistant's sequence. */
class EventPositionTest extends CommandServiceTest {

    private static final String ASSISTANTS = "/api/v1/assistants";

    @Test
    void everyWriteAnswersWithThePositionOfTheEventItAppended() {
        Response created = api.post(ASSISTANTS, TestTokens.admin(), Map.of("name", "Positioned"));
        String id = created.json().get("id").asString();
        Response updated = api.put(ASSISTANTS + "/" + id, TestTokens.admin(), Map.of("name", "Positioned again"));
        Response unchanged = api.put(ASSISTANTS + "/" + id, TestTokens.admin(), Map.of("name", "Positioned again"));
        Response purged =
                api.post(ASSISTANTS + "/" + id + "/cache-purges", TestTokens.admin(), Map.of("deleted_count", 0));
        Response deleted = api.delete(ASSISTANTS + "/" + id, TestTokens.admin());

        List<Long> positions = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number",
                Long.class,
                id);
        assertThat(positions).hasSize(4);
        assertThat(position(created)).isEqualTo(positions.get(0));
        assertThat(position(updated)).isEqualTo(positions.get(1));
        assertThat(position(unchanged))
                .as("no event appended: the latest one's")
                .isEqualTo(positions.get(1));
        assertThat(position(purged)).isEqualTo(positions.get(2));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(position(deleted)).isEqualTo(positions.get(3));
    }

    @Test
    void anAssistantsSequenceIsAnsweredAsOfAPositionForAnyCallerWithAToken() {
        Response created = api.post(ASSISTANTS, TestTokens.admin(), Map.of("name", "Sequenced"));
        String id = created.json().get("id").asString();
        Response updated = api.put(ASSISTANTS + "/" + id, TestTokens.admin(), Map.of("description", "later"));

        assertThat(api.get(ASSISTANTS + "/" + id + "/sequence", TestTokens.user())
                        .json()
                        .get("sequence")
                        .asLong())
                .isEqualTo(1);
        assertThat(api.get(ASSISTANTS + "/" + id + "/sequence?position=" + position(created), TestTokens.user())
                        .json()
                        .get("sequence")
                        .asLong())
                .isZero();
        assertThat(api.get(ASSISTANTS + "/" + id + "/sequence?position=" + (position(created) - 1), TestTokens.admin())
                        .status())
                .as("not yet created then")
                .isEqualTo(404);
        assertThat(api.get(ASSISTANTS + "/" + id + "/sequence?position=" + position(updated), null)
                        .status())
                .isEqualTo(401);
    }

    private static long position(Response response) {
        return Long.parseLong(response.header("X-Event-Position"));
    }
}
