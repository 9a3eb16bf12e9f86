package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.ExportLine;
import io.github.assistantsplatform.audit.StoredEvent;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
        writeLine(out, CanonicalJson.bytes(ExportLine.header(filter.toJson(), upTo)));
        Map<String, String> links = new HashMap<>();
        scans.log(filter.assistantId() == null ? null : filter.assistantId().toString(), upTo, event -> {
            String previous = links.getOrDefault(event.aggregate(), StoredEvent.GENESIS);
            links.put(event.aggregate(), event.linkHash(previous));
            if (filter.matches(event)) {
                writeLine(out, CanonicalJson.bytes(ExportLine.of(event, previous)));
            }
        });
        out.flush();
    }

    private static void writeLine(OutputStream out, byte[] line) throws IOException {
        out.write(line);
        out.write('\n');
    }
}
