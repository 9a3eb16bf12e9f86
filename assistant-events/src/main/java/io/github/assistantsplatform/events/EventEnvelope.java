package io.github.assistantsplatform.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * An assistant event as published on Kafka: a CloudEvents 1.0 structured-mode JSON envelope
 * (attribute names are lowercase letters and digits, as CloudEvents requires).
 *
 * @param id       the event's identifier: the same on every redelivery, the key to de-duplicate by
 * @param type     {@code assistants.<EventName>.v1}
 * @param subject  the assistant's id (also the Kafka record key)
 * @param sequence the event's number in the assistant's stream: 0 for its creation, then +1 each
 * @param data     the event itself, in the API's JSON names
 */
public record EventEnvelope(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        long sequence,
        String actor,
        String correlationid,
        String requestid,
        Object data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String SOURCE = "/assistants/command-service";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public static String typeOf(Class<?> eventClass) {
        return "assistants." + AssistantEvent.typeName(eventClass.asSubclass(AssistantEvent.class)) + ".v1";
    }

    /** The event class a {@code type} names; empty for a type this version does not know. */
    public static Optional<Class<? extends AssistantEvent>> eventClassOf(String type) {
        return Arrays.stream(AssistantEvent.class.getPermittedSubclasses())
                .filter(eventClass -> typeOf(eventClass).equals(type))
                .<Class<? extends AssistantEvent>>map(eventClass -> eventClass.asSubclass(AssistantEvent.class))
                .findFirst();
    }
}
