package io.github.assistantsplatform.support.web;

import java.time.Duration;

/** The service is at a limit it sets itself to stay responsive: 429, with {@code Retry-After}. */
public class TooBusyException extends RuntimeException {

    private final Duration retryAfter;

    public TooBusyException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
