package io.github.assistantsplatform.query.rebuild;

import java.time.Instant;

/**
 * Where the last (or current) rebuild is.
 *
 * @param eventsDone   events replayed into the new collection so far
 * @param headPosition the event store's global position when the rebuild started: the replay target
 */
public record RebuildProgress(
        State state,
        String collection,
        long eventsDone,
        long headPosition,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State {
        IDLE,
        RUNNING,
        COMPLETED,
        FAILED
    }

    static final RebuildProgress IDLE = new RebuildProgress(State.IDLE, null, 0, 0, null, null, null);
}
