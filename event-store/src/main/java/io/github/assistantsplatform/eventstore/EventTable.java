package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.StoredEvent;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The links of the event table's rows, as the event store appends after them and the audit reads them. */
public final class EventTable {

    private static final String METADATA =
            "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?";
    private static final String STREAM_UP_TO = "SELECT " + StoredEvent.COLUMNS
            + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number <= ? ORDER BY sequence_number";

    private EventTable() {}

    /** The link a row's metadata records; null for a row stored before the chain existed. */
    public static String recordedLink(byte[] metadata) {
        JsonNode link = CanonicalJson.parse(metadata).get(StoredEvent.HASH);
        return link != null && link.isString() ? link.stringValue() : null;
    }

    /**
     * The link of an aggregate's event: the one its row records, or, for a row stored before the chain
     * existed, the chain folded from the stream's first row (over the rows there are: a stream with a
     * gap, written past the aggregate, links on and verify reports the gap).
     */
    public static String link(Connection connection, String aggregate, long sequence) throws SQLException {
        try (PreparedStatement metadata = connection.prepareStatement(METADATA)) {
            metadata.setString(1, aggregate);
            metadata.setLong(2, sequence);
            try (ResultSet row = metadata.executeQuery()) {
                String link = row.next() ? recordedLink(row.getBytes(1)) : null;
                if (link != null) {
                    return link;
                }
            }
        }
        try (PreparedStatement stream = connection.prepareStatement(STREAM_UP_TO)) {
            stream.setString(1, aggregate);
            stream.setLong(2, sequence);
            String link = StoredEvent.GENESIS;
            try (ResultSet rows = stream.executeQuery()) {
                while (rows.next()) {
                    link = StoredEvent.read(rows).linkHash(link);
                }
            }
            return link;
        }
    }
}
