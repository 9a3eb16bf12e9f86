package io.github.assistantsplatform.support.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The {@link TraceContext} of the service's tracer ({@link TraceContext#NONE} when tracing is off). */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? TraceContext.NONE : new TraceContext(available, propagation);
    }
}
