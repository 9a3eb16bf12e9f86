package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.events.EventMetadata;
import org.axonframework.common.DateTimeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** Which events an export holds: each filter that is set must match ({@code from} inclusive, {@code to} not). */
record AuditFilter(String actor, String type, UUID assistantId, Instant from, Instant to) {

    boolean matches(StoredEvent event) {
        if (actor != null) {
            JsonNode recorded = event.metadata().get(EventMetadata.ACTOR);
            if (recorded == null || !actor.equals(recorded.stringValue())) {
                return false;
            }
        }
        if (type != null && !type.equals(event.payloadType())) {
            return false;
        }
        if (assistantId != null && !assistantId.toString().equals(event.aggregate())) {
            return false;
        }
        if (from != null || to != null) {
            Instant at = DateTimeUtils.parseInstant(event.timestamp());
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
        return true;
    }

    /** The filters that are set, as the export's header names them. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (actor != null) {
            json.put("actor", actor);
        }
        if (type != null) {
            json.put("type", type);
        }
        if (assistantId != null) {
            json.put("assistant_id", assistantId.toString());
        }
        if (from != null) {
            json.put("from", from.toString());
        }
        if (to != null) {
            json.put("to", to.toString());
        }
        return json;
    }
}
