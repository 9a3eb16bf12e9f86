package io.github.assistantsplatform.query.history;

import io.github.assistantsplatform.model.AssistantSnapshot;
import io.github.assistantsplatform.model.AssistantState;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.UUID;

/**
 * The latest snapshot command-service took of an assistant (Axon keeps one per aggregate), read as its state:
 * {@code as_of} folds on from it instead of from the first event. A snapshot of another revision than this
 * build knows is not read. Read from its row rather than through Axon's storage engine, which would
 * deserialize the payload as the aggregate's class, one this service does not have.
 */
@Component
class AssistantSnapshots {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    AssistantSnapshots(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The state after the event numbered {@code sequence}. */
    record Snapshot(long sequence, AssistantState state) {}

    Optional<Snapshot> latest(UUID assistantId) {
        return jdbc
                .query(
                        "SELECT sequence_number, payload FROM snapshot_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_revision = ? "
                                + "ORDER BY sequence_number DESC LIMIT 1",
                        (row, number) -> {
                            long sequence = row.getLong(1);
                            return state(row.getBytes(2)).map(state -> new Snapshot(sequence, state));
                        },
                        assistantId.toString(),
                        AssistantSnapshot.REVISION)
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<AssistantState> state(byte[] payload) {
        JsonNode state =
                serializer.getConverter().convert(payload, JsonNode.class).get(AssistantSnapshot.STATE);
        if (state == null || !state.isObject()) {
            return Optional.empty();
        }
        return Optional.of(serializer.deserialize(
                new SimpleSerializedObject<>(state, JsonNode.class, AssistantState.class.getName(), null)));
    }
}
