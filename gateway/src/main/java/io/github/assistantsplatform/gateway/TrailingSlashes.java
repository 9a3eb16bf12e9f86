package io.github.assistantsplatform.gateway;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.IOException;

/**
 * {@code /api/v1/assistants/{id}/} is {@code /api/v1/assistants/{id}}, as in the original API: routed
 * and proxied without its trailing slashes. Answered rather than redirected, so that a PUT keeps its
 * body. Spring's {@code UrlHandlerFilter} does the same but skips async dispatches, which is how
 * {@link WholeRequestBodies} hands on every request with a body.
 */
final class TrailingSlashes implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        chain.doFilter(
                trimmed(http.getRequestURI()).equals(http.getRequestURI()) ? request : new Trimmed(http), response);
    }

    /** Without the trailing slashes, but the root stays "/". */
    static String trimmed(String path) {
        if (path == null) {
            return null;
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    private static final class Trimmed extends HttpServletRequestWrapper {

        Trimmed(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return trimmed(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(trimmed(super.getRequestURL().toString()));
        }

        @Override
        public String getServletPath() {
            return trimmed(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return trimmed(super.getPathInfo());
        }
    }
}
