package com.example.assistants.query.rebuild;

import com.example.assistants.api.error.ApiException;
import com.example.assistants.api.error.ErrorCode;

public class RebuildAlreadyRunningException extends ApiException {
    RebuildAlreadyRunningException(RebuildProgress running) {
        super(ErrorCode.CONFLICT, "A rebuild is already running (" + running.eventsDone() + " of " + running.headPosition()
                + " events, since " + running.startedAt() + "); wait for it to finish");
    }
}
