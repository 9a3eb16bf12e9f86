package io.github.assistantsplatform.support.kafka;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.EventEnvelope;
import io.github.assistantsplatform.model.PlatformJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/** An assistant event as read from the topic: the event, its number in the assistant's stream, when it happened. */
public record ReceivedEvent(String id, AssistantEvent event, long sequence, Instant time) {

    private static final JsonMapper JSON = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * The event in a record's {@link EventEnvelope}; empty for a type this version does not know
     * (consumers ignore those).
     *
     * @throws RuntimeException when the record is not a readable envelope
     */
    public static Optional<ReceivedEvent> from(byte[] envelopeJson) {
        JsonNode envelope = JSON.readTree(envelopeJson);
        return EventEnvelope.eventClassOf(envelope.path("type").asString(""))
                .map(type -> new ReceivedEvent(
                        envelope.path("id").asString(),
                        JSON.treeToValue(envelope.get("data"), type),
                        envelope.get("sequence").asLong(),
                        Instant.parse(envelope.get("time").asString())));
    }
}
