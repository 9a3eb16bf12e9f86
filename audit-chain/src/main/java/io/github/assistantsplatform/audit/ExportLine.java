package io.github.assistantsplatform.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of an audit export (JSON Lines): a row of the event table with its payload and metadata as
 * JSON, the link recomputed before it ({@code previous}, so that a filtered export can be checked line by
 * line) and the link recorded in it ({@code hash}, also in its metadata). The first line of an export is
 * its header: {@code {"export": {"filters": {...}, "position": n}}}.
 */
public final class ExportLine {

    private ExportLine() {}

    public static ObjectNode header(ObjectNode filters, long position) {
        ObjectNode export = JsonNodeFactory.instance.objectNode();
        export.set("filters", filters);
        export.put("position", position);
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.set("export", export);
        return header;
    }

    public static ObjectNode of(StoredEvent event, String previous) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("position", event.position());
        line.put("aggregate_type", event.aggregateType());
        line.put("aggregate", event.aggregate());
        line.put("sequence", event.sequence());
        line.put("event", event.eventId());
        line.put("timestamp", event.timestamp());
        line.put("payload_type", event.payloadType());
        line.put("payload_revision", event.payloadRevision());
        line.set("payload", event.payload());
        line.set("metadata", event.metadata());
        line.put("previous", previous);
        line.put("hash", event.recordedHash().orElse(null));
        return line;
    }

    public static StoredEvent event(JsonNode line) {
        JsonNode revision = line.path("payload_revision");
        return new StoredEvent(
                line.required("position").asLong(),
                line.path("aggregate_type").stringValue(),
                line.required("aggregate").stringValue(),
                line.required("sequence").asLong(),
                line.required("event").stringValue(),
                line.required("timestamp").stringValue(),
                line.required("payload_type").stringValue(),
                revision.isString() ? revision.stringValue() : null,
                line.required("payload"),
                (ObjectNode) line.required("metadata"));
    }

    public static String previous(JsonNode line) {
        JsonNode previous = line.path("previous");
        return previous.isString() ? previous.stringValue() : null;
    }
}
