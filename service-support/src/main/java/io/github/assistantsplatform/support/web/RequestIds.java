package io.github.assistantsplatform.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id ({@code X-Request-Id}) and a correlation id ({@code X-Correlation-Id}),
 * taken from the caller when well-formed, so that logs, events and responses can be joined.
 */
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final String REQUEST_ID = RequestIds.class.getName() + ".requestId";
    private static final String CORRELATION_ID = RequestIds.class.getName() + ".correlationId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static String requestId(HttpServletRequest request) {
        return (String) request.getAttribute(REQUEST_ID);
    }

    public static String correlationId(HttpServletRequest request) {
        return (String) request.getAttribute(CORRELATION_ID);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = wellFormedOr(
                request.getHeader(REQUEST_ID_HEADER), UUID.randomUUID().toString());
        String correlationId = wellFormedOr(request.getHeader(CORRELATION_ID_HEADER), requestId);
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(CORRELATION_ID, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        MDC.put("request_id", requestId);
        MDC.put("correlation_id", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("request_id");
            MDC.remove("correlation_id");
        }
    }

    private static String wellFormedOr(String candidate, String fallback) {
        return candidate != null && WELL_FORMED.matcher(candidate).matches() ? candidate : fallback;
    }
}
