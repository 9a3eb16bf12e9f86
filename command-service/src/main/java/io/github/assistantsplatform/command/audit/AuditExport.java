package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.api.audit.AuditFilter;
import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.ExportLine;
import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.events.EventMetadata;
import org.axonframework.common.DateTimeUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the log, filtered, as JSON Lines in the order it was stored, up to the position that was the
 * head when the export began: a header, then one line per event with the link recomputed before it. Every
 * row is read (a filtered-out event still carries the chain to the next one that is not), but for an
 * assistant's export only its own.
 */
class AuditExport {

    private final EventTableScans scans;

    AuditExport(EventTableScans scans) {
        this.scans = scans;
    }

    void write(AuditFilter filter, OutputStream response) throws IOException {
        OutputStream out = new BufferedOutputStream(response, 64 * 1024);
        long upTo = scans.head();
        writeLine(out, CanonicalJson.bytes(ExportLine.header(header(filter), upTo)));
        Map<String, String> links = new HashMap<>();
        scans.log(filter.assistantId() == null ? null : filter.assistantId().toString(), upTo, event -> {
            String previous = links.getOrDefault(event.aggregate(), StoredEvent.GENESIS);
            links.put(event.aggregate(), event.linkHash(previous));
            if (matches(filter, event)) {
                writeLine(out, CanonicalJson.bytes(ExportLine.of(event, previous)));
            }
        });
        out.flush();
    }

    private static boolean matches(AuditFilter filter, StoredEvent event) {
        if (filter.actor() != null) {
            JsonNode recorded = event.metadata().get(EventMetadata.ACTOR);
            if (recorded == null || !filter.actor().equals(recorded.stringValue())) {
                return false;
            }
        }
        if (filter.type() != null && !filter.type().equals(event.payloadType())) {
            return false;
        }
        if (filter.assistantId() != null && !filter.assistantId().toString().equals(event.aggregate())) {
            return false;
        }
        if (filter.from() != null || filter.to() != null) {
            Instant at = DateTimeUtils.parseInstant(event.timestamp());
            return (filter.from() == null || !at.isBefore(filter.from()))
                    && (filter.to() == null || at.isBefore(filter.to()));
        }
        return true;
    }

    /** The filters that are set, as the export's header names them. */
    private static ObjectNode header(AuditFilter filter) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (filter.actor() != null) {
            json.put("actor", filter.actor());
        }
        if (filter.type() != null) {
            json.put("type", filter.type());
        }
        if (filter.assistantId() != null) {
            json.put("assistant_id", filter.assistantId().toString());
        }
        if (filter.from() != null) {
            json.put("from", filter.from().toString());
        }
        if (filter.to() != null) {
            json.put("to", filter.to().toString());
        }
        return json;
    }

    private static void writeLine(OutputStream out, byte[] line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}
