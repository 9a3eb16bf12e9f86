package com.example.assistants.query.rebuild;

public class RebuildAlreadyRunningException extends RuntimeException {
    RebuildAlreadyRunningException(RebuildProgress running) {
        super("A rebuild is already running (" + running.eventsDone() + " of " + running.headPosition()
                + " events, since " + running.startedAt() + "); wait for it to finish");
    }
}
