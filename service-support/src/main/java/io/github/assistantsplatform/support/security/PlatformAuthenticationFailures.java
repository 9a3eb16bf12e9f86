package io.github.assistantsplatform.support.security;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.support.web.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 401 and 403 in the platform's error body, telling nothing about why a token was refused. */
class PlatformAuthenticationFailures implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ErrorResponseWriter errors;

    PlatformAuthenticationFailures(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        errors.write(
                response,
                ErrorCode.AUTHENTICATION_FAILED,
                "A valid bearer token is required: it is missing, malformed, expired or not signed by a trusted key");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        errors.write(response, ErrorCode.INSUFFICIENT_PRIVILEGES, "Your roles do not allow this operation");
    }
}
