package io.github.assistantsplatform.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * How far a tracking processor has come, over all its segments, whichever replicas hold them: read
 * from the token store's rows, without claiming anything.
 */
public final class ProcessorProgress {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final String processor;

    /** @param serializer the token store's (Axon's general serializer) */
    public ProcessorProgress(JdbcTemplate jdbc, Serializer serializer, String processor) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processor = processor;
    }

    /**
     * Whether every segment has handled (or passed over, as not its own) the event at {@code position}.
     * A gap a token still remembers below its index is an event it has not seen yet: a position in
     * one is not handled.
     */
    public boolean hasHandled(long position) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (row, n) -> row.getBytes(1) == null
                        ? null
                        : serializer.deserialize(
                                new SimpleSerializedObject<>(row.getBytes(1), byte[].class, row.getString(2), null)),
                processor);
        return !tokens.isEmpty()
                && tokens.stream()
                        .allMatch(token -> token != null
                                && token.position().orElse(-1) >= position
                                && !(token instanceof GapAwareTrackingToken gapAware
                                        && gapAware.getGaps().contains(position)));
    }
}
