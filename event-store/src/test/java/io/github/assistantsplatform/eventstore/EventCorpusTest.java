package io.github.assistantsplatform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.model.SettingsJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events as earlier releases wrote them, row by row (test resources {@code event-corpus/}), must replay
 * into the state that release showed, forever: through the upcasters, into today's events and fold.
 * A corpus is added for each release that changes how events are stored, and never edited.
 */
class EventCorpusTest {

    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();
    private static final Serializer SERIALIZER = EventStoreConfiguration.eventSerializer();

    @ParameterizedTest
    @ValueSource(strings = "first-release.json")
    void eventsOfAnEarlierReleaseReplayIntoTheStateItShowed(String corpus) throws Exception {
        JsonNode written = read(corpus);
        List<GenericDomainEventEntry<byte[]>> rows = new ArrayList<>();
        for (JsonNode row : written.get("rows")) {
            rows.add(new GenericDomainEventEntry<>(
                    row.get("type").asString(),
                    row.get("aggregate_identifier").asString(),
                    row.get("sequence_number").asLong(),
                    row.get("event_identifier").asString(),
                    Instant.parse(row.get("time_stamp").asString()),
                    row.get("payload_type").asString(),
                    row.get("payload_revision").isNull()
                            ? null
                            : row.get("payload_revision").asString(),
                    row.get("payload").asString().getBytes(StandardCharsets.UTF_8),
                    row.get("meta_data").asString().getBytes(StandardCharsets.UTF_8)));
        }

        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                rows.stream(), SERIALIZER, EventStoreConfiguration.upcasters());
        AssistantState state = null;
        AssistantState beforeDeletion = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            assertThat(event.getMetaData()).containsKeys("actor", "correlation_id", "request_id");
            state = AssistantState.fold(
                    state, (AssistantEvent) event.getPayload(), event.getSequenceNumber(), event.getTimestamp());
            if (event.getSequenceNumber() == 6) {
                beforeDeletion = state;
            }
        }

        ObjectNode expected = (ObjectNode) written.get("state_at_sequence_6").deepCopy();
        // added since that release, with the default its upcaster gives
        expected.put("is_vectorized", false);
        assertThat(JSON.readTree(JSON.writeValueAsString(AssistantResponse.of(beforeDeletion))))
                .isEqualTo(expected);
        assertThat(state.deleted()).isTrue();
        assertThat(state.version()).isEqualTo(rows.size() - 1);
    }

    @Test
    void eventsAreStoredUnderTheirTypeNameAndRevisionNotTheirJavaClass() {
        AssistantCreated created = new AssistantCreated(
                UUID.randomUUID(), SettingsJson.tree(SettingsJson.created(JSON.readTree("{\"name\": \"Helper\"}"))));

        SerializedObject<byte[]> stored = SERIALIZER.serialize(created, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("AssistantCreated");
        assertThat(stored.getType().getRevision()).isEqualTo("2");
        assertThat(JSON.readTree(stored.getData())
                        .get("settings")
                        .get("is_vectorized")
                        .asBoolean())
                .isFalse();
        assertThat(SERIALIZER.<byte[], AssistantCreated>deserialize(stored)).isEqualTo(created);
        assertThat(SettingsJson.stored(created.settings()))
                .isEqualTo(SettingsJson.created(JSON.readTree("{\"name\": \"Helper\"}")));
        assertThat(AssistantSettings.DEFAULTS.isVectorized()).isFalse();
    }

    private static JsonNode read(String corpus) throws Exception {
        try (InputStream in = EventCorpusTest.class.getResourceAsStream("/event-corpus/" + corpus)) {
            return JSON.readTree(in);
        }
    }
}
