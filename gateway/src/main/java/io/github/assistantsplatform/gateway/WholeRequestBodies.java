package io.github.assistantsplatform.gateway;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * A request reaches a route only once its whole body is here. The body is read without a thread
 * (the servlet container's non-blocking reads), within a deadline and a size limit; only then is
 * the request dispatched to a worker thread, which proxies it at once. So clients that send their
 * bodies slowly, or not at all, hold connections but no threads, and cannot starve everyone else;
 * a body over the limit is a 413 however it is sent (declared or chunked), one too slow a 408. The
 * bodies held at once are bounded too: beyond that a request is a 503 with {@code Retry-After}.
 */
final class WholeRequestBodies implements Filter {

    private static final Logger log = LoggerFactory.getLogger(WholeRequestBodies.class);
    private static final String BODY = WholeRequestBodies.class.getName() + ".body";

    private final ToLongFunction<HttpServletRequest> limit;
    private final Duration deadline;
    private final long maxHeldBytes;
    private final AtomicLong heldBytes = new AtomicLong();
    private final JsonMapper json;

    /**
     * @param limit        the largest body a request may have, by route
     * @param maxHeldBytes the most body bytes held in memory for all requests together
     */
    WholeRequestBodies(
            ToLongFunction<HttpServletRequest> limit, Duration deadline, long maxHeldBytes, JsonMapper json) {
        this.limit = limit;
        this.deadline = deadline;
        this.maxHeldBytes = maxHeldBytes;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        byte[] body = (byte[]) request.getAttribute(BODY);
        if (body != null && request.getDispatcherType() == DispatcherType.ASYNC) {
            request.removeAttribute(BODY);
            chain.doFilter(new WholeBody(request, body), response);
            return;
        }
        if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        long maxBytes = limit.applyAsLong(request);
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes");
            return;
        }
        readThenDispatch(request, response, maxBytes);
    }

    private void readThenDispatch(HttpServletRequest request, HttpServletResponse response, long maxBytes)
            throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(deadline.toMillis());
        AtomicBoolean settled = new AtomicBoolean();
        AtomicLong held = new AtomicLong();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (settled.compareAndSet(false, true)) {
                    refuse(
                            response,
                            ErrorCode.REQUEST_TIMEOUT,
                            "The request body did not arrive within " + deadline.toSeconds() + " s");
                    async.complete();
                }
            }

            /** Whether refused, timed out or proxied: the body is let go. */
            @Override
            public void onComplete(AsyncEvent event) {
                heldBytes.addAndGet(-held.getAndSet(0));
            }

            @Override
            public void onError(AsyncEvent event) {}

            @Override
            public void onStartAsync(AsyncEvent event) {}
        });
        ServletInputStream in = request.getInputStream();
        in.setReadListener(new ReadListener() {
            private final ByteArrayOutputStream body = new ByteArrayOutputStream();
            private final byte[] chunk = new byte[16 * 1024];

            @Override
            public void onDataAvailable() throws IOException {
                while (in.isReady() && !in.isFinished()) {
                    int read = in.read(chunk);
                    if (read < 0) {
                        return;
                    }
                    if (body.size() + read > maxBytes) {
                        settle(ErrorCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes");
                        return;
                    }
                    if (heldBytes.addAndGet(read) > maxHeldBytes) {
                        heldBytes.addAndGet(-read);
                        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                        settle(
                                ErrorCode.DEPENDENCY_UNAVAILABLE,
                                "Too many request bodies in flight; retry in a second");
                        return;
                    }
                    held.addAndGet(read);
                    body.write(chunk, 0, read);
                }
            }

            private void settle(ErrorCode code, String message) {
                if (settled.compareAndSet(false, true)) {
                    refuse(response, code, message);
                    async.complete();
                }
            }

            @Override
            public void onAllDataRead() {
                if (settled.compareAndSet(false, true)) {
                    request.setAttribute(BODY, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable failure) {
                // the client went away mid-body: nobody to answer
                if (settled.compareAndSet(false, true)) {
                    log.debug("Request body not read: {}", failure.toString());
                    async.complete();
                }
            }
        });
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private void refuse(HttpServletResponse response, ErrorCode code, String message) {
        try {
            response.setStatus(code.status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // the rest of the body is not read: the connection cannot be reused
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.getOutputStream().write(json.writeValueAsBytes(ErrorResponse.of(code, message, null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request with its body read whole: a declared length, no transfer coding. */
    private static final class WholeBody extends HttpServletRequestWrapper {
        private final byte[] body;

        WholeBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body is already read");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                return String.valueOf(body.length);
            }
            return HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = getHeader(name);
            if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                    || HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)) {
                return Collections.enumeration(value == null ? List.of() : List.of(value));
            }
            return super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
                String name = all.nextElement();
                if (!HttpHeaders.TRANSFER_ENCODING.equalsIgnoreCase(name)
                        && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HttpHeaders.CONTENT_LENGTH);
            return Collections.enumeration(names);
        }
    }
}
