package io.github.assistantsplatform.gateway;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

/**
 * Every proxied request carries the W3C trace context of the gateway's span for it ({@code traceparent}),
 * the child of the client's when it sent one: the services' log lines then carry the same trace id as the
 * gateway's. The gateway's HTTP client is not one Spring instruments, hence this header filter.
 */
@Configuration(proxyBeanMethods = false)
class TraceContextToServices {

    @Bean
    HttpHeadersFilter.RequestHttpHeadersFilter traceContextHeaders(
            ObjectProvider<Tracer> tracers, ObjectProvider<Propagator> propagators) {
        return (headers, request) -> {
            Tracer tracer = tracers.getIfAvailable();
            Propagator propagator = propagators.getIfAvailable();
            if (tracer == null
                    || propagator == null
                    || tracer.currentTraceContext().context() == null) {
                return headers;
            }
            HttpHeaders traced = new HttpHeaders();
            traced.putAll(headers);
            propagator.fields().forEach(traced::remove);
            propagator.inject(tracer.currentTraceContext().context(), traced, HttpHeaders::set);
            return traced;
        };
    }
}
