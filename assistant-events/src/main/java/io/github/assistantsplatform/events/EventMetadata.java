package io.github.assistantsplatform.events;

import java.util.List;

/** The metadata keys every event carries: who caused it and which request (and trace) it came from. */
public final class EventMetadata {
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String REQUEST_ID = "request_id";
    /** The W3C trace context of the request (when it was traced), carried on to the event's Kafka record. */
    public static final List<String> TRACE_CONTEXT = List.of("traceparent", "tracestate");

    private EventMetadata() {}
}
