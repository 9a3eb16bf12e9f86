package io.github.assistantsplatform.command.eventstore;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Rows of the event table written directly, in one batch, as another writer of the event store would. */
public final class EventRows {

    /** One event of an assistant, its columns as the event store writes them. */
    public record Row(
            String assistantId,
            long sequence,
            String eventId,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData,
            String timeStamp) {}

    private EventRows() {}

    /** Each row under the next global index. */
    public static void insert(JdbcTemplate jdbc, List<Row> rows) {
        jdbc.batchUpdate(
                "INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp) "
                        + "VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Assistant', ?, ?, ?, ?, ?, ?)",
                rows.stream()
                        .map(row -> new Object[] {
                            row.assistantId(),
                            row.sequence(),
                            row.eventId(),
                            row.payloadType(),
                            row.payloadRevision(),
                            row.payload(),
                            row.metaData(),
                            row.timeStamp()
                        })
                        .toList());
    }
}
