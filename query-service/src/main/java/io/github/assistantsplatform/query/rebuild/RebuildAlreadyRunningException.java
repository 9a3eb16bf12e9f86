package io.github.assistantsplatform.query.rebuild;

import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;

public class RebuildAlreadyRunningException extends ApiException {
    RebuildAlreadyRunningException(RebuildProgress running) {
        super(
                ErrorCode.CONFLICT,
                "A rebuild is already running (" + running.eventsDone() + " of " + running.headPosition()
                        + " events, since " + running.startedAt() + "); wait for it to finish");
    }
}
