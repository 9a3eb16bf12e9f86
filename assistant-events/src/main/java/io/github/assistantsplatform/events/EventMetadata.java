package io.github.assistantsplatform.events;

/** The metadata keys every event carries: who caused it and which request it came from. */
public final class EventMetadata {
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String REQUEST_ID = "request_id";

    private EventMetadata() {}
}
