package io.github.assistantsplatform.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) across the hops Spring does not
 * instrument: from a request into its events' metadata, from there onto their Kafka records, and from a
 * record into the consumer that handles it (the calls to command-service are traced by Micrometer's JDK
 * client instrumentation, see {@code CommandServiceClient}). With it, one trace id is in the log lines of
 * every service a change goes through.
 */
public final class TraceContext {

    /** Without tracing (a test that does not start it): no context to carry, nothing continued. */
    public static final TraceContext NONE = new TraceContext(null, null);

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context as W3C headers; empty outside a span. */
    public Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (tracer != null && tracer.currentTraceContext().context() != null) {
            propagator.inject(tracer.currentTraceContext().context(), headers, Map::put);
        }
        return headers;
    }

    /**
     * Runs {@code work} in a span named {@code name}, the child of the context {@code headers} carry (a new
     * trace when they carry none), so that its log lines have the trace id of the change they handle.
     */
    public void continued(String name, Function<String, String> headers, Runnable work) {
        if (tracer == null) {
            work.run();
            return;
        }
        Span span = propagator
                .extract(headers, (carrier, key) -> carrier.apply(key))
                .name(name)
                .kind(Span.Kind.CONSUMER)
                .start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
