package io.github.assistantsplatform.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.support.test.HttpApi.Response;
import io.github.assistantsplatform.support.test.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A corrupt stream (an update whose creation is missing) is set aside without stalling the other
 * assistants; once an operator repairs the stream, a retry applies the whole sequence in order.
 */
class DeadLetterTest extends QueryServiceTest {

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    @Autowired
    EventStore eventStore;

    @Test
    void aPoisonedSequenceIsSetAsideListedAndRetried() {
        UUID broken = UUID.randomUUID();
        GenericDomainEventMessage<AssistantUpdated> orphanUpdate = event(
                broken, 1, new AssistantUpdated(broken, (ObjectNode) JSON.readTree("{\"description\": \"repaired\"}")));
        eventStore.publish(orphanUpdate);

        JsonNode letters =
                await().atMost(Duration.ofSeconds(10)).until(() -> sequenceOf(broken.toString()), l -> l != null);
        assertThat(letters.get(0).get("id").asString()).isEqualTo(orphanUpdate.getIdentifier());
        assertThat(letters.get(0).get("type").asString()).isEqualTo("AssistantUpdated");
        assertThat(letters.get(0).get("cause_type").asString()).isEqualTo(IllegalStateException.class.getName());

        String healthy = create(Map.of("name", "Not stalled by the poison"));
        assertThat(reads.get("/api/v1/assistants/" + healthy, null).status()).isEqualTo(200);

        Response stillBroken = reads.post(
                "/api/v1/admin/dead-letters/" + orphanUpdate.getIdentifier() + "/retry", TestTokens.admin(), null);
        assertThat(stillBroken.status()).isEqualTo(200);
        assertThat(stillBroken.json().get("handled").asBoolean()).isFalse();

        GenericDomainEventMessage<AssistantCreated> repair = event(
                broken,
                0,
                new AssistantCreated(
                        broken, SettingsJson.tree(SettingsJson.created(JSON.readTree("{\"name\": \"Repaired\"}")))));
        eventStore.publish(repair);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> sequenceOf(broken.toString()), l -> l != null && l.size() == 2);

        Response retried =
                reads.post("/api/v1/admin/dead-letters/" + repair.getIdentifier() + "/retry", TestTokens.admin(), null);

        assertThat(retried.json().get("handled").asBoolean()).isTrue();
        assertThat(sequenceOf(broken.toString())).isNull();
        JsonNode repaired = reads.get("/api/v1/assistants/" + broken, null).json();
        assertThat(repaired.get("name").asString()).isEqualTo("Repaired");
        assertThat(repaired.get("description").asString()).isEqualTo("repaired");
        assertThat(repaired.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void retryingAnUnknownLetterIsNotFoundAndTheQueueIsForAdmins() {
        assertThat(reads.post("/api/v1/admin/dead-letters/" + UUID.randomUUID() + "/retry", TestTokens.admin(), null)
                        .status())
                .isEqualTo(404);
        assertThat(reads.get("/api/v1/admin/dead-letters", TestTokens.user()).status())
                .isEqualTo(403);
        assertThat(reads.get("/api/v1/admin/dead-letters", null).status()).isEqualTo(401);
    }

    private JsonNode sequenceOf(String assistantId) {
        for (JsonNode sequence :
                reads.get("/api/v1/admin/dead-letters", TestTokens.admin()).json()) {
            if (sequence.get(0).get("sequence").asString().equals(assistantId)) {
                return sequence;
            }
        }
        return null;
    }

    private static <T> GenericDomainEventMessage<T> event(UUID assistantId, long sequence, T payload) {
        return new GenericDomainEventMessage<>("Assistant", assistantId.toString(), sequence, payload);
    }
}
