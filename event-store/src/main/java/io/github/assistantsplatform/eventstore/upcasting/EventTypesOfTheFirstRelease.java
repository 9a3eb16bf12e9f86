package io.github.assistantsplatform.eventstore.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;

/**
 * The first release stored each event under its Java class ({@code com.example.assistants.api.event.AssistantCreated})
 * with no revision; the same shapes are revision 1 of the type names stored since.
 */
public final class EventTypesOfTheFirstRelease extends SingleEventUpcaster {

    static final String PACKAGE = "com.example.assistants.api.event.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().startsWith(PACKAGE) && event.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String typeName = event.getType().getName().substring(PACKAGE.length());
        return event.upcastPayload(new SimpleSerializedType(typeName, "1"), JsonNode.class, payload -> payload);
    }
}
