package io.github.assistantsplatform.eventstore.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Revision 2 of {@code AssistantCreated} added {@code is_vectorized} to the settings: false for every assistant before it. */
public final class AssistantCreatedRevision2 extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().equals("AssistantCreated")
                && "1".equals(event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType("AssistantCreated", "2"), JsonNode.class, payload -> {
            ObjectNode upcast = (ObjectNode) payload.deepCopy();
            ((ObjectNode) upcast.get("settings")).put("is_vectorized", false);
            return upcast;
        });
    }
}
