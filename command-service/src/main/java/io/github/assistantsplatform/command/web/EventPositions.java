package io.github.assistantsplatform.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/** Where an assistant's events stand in the event store: global positions and sequence numbers. */
@Component
class EventPositions {

    private final JdbcTemplate jdbc;

    EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The global position of the assistant's latest event: what a write answers with. */
    OptionalLong latest(UUID id) {
        return first(jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1",
                Long.class,
                id.toString()));
    }

    /** The sequence number of the assistant's latest event at or before {@code position}, or its latest. */
    OptionalLong sequence(UUID id, Long position) {
        return first(jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND global_index <= ? ORDER BY sequence_number DESC LIMIT 1",
                Long.class,
                id.toString(),
                position == null ? Long.MAX_VALUE : position));
    }

    private static OptionalLong first(List<Long> values) {
        return values.isEmpty() || values.get(0) == null ? OptionalLong.empty() : OptionalLong.of(values.get(0));
    }
}
