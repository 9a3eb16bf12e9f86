package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the limit with 413, before reading them when the length is declared
 * (with {@code Expect: 100-continue} the client does not even send them) and as soon as the limit
 * is crossed when it is not (chunked). Multipart uploads have their own limit, the container's
 * ({@code spring.servlet.multipart.max-request-size}), which also stops reading past it.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxMultipartBytes;
    private final ErrorResponseWriter errors;

    public RequestBodyLimit(long maxBytes, long maxMultipartBytes, ErrorResponseWriter errors) {
        this.maxBytes = maxBytes;
        this.maxMultipartBytes = maxMultipartBytes;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean multipart =
                contentType != null && contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        long limit = multipart ? maxMultipartBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            errors.write(response, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge(limit));
            return;
        }
        chain.doFilter(multipart ? request : new Limited(request), response);
    }

    private static String tooLarge(long limit) {
        return "The request body exceeds " + limit + " bytes";
    }

    /** Thrown while reading a body that turns out larger than the limit; mapped to 413. */
    public static class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream());
            }
            return stream;
        }
    }

    private final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private long read;

        CountingStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(tooLarge(maxBytes));
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
