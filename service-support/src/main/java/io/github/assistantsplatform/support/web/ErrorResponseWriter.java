package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Writes the error body where no controller is involved (security filters, the servlet error page). */
public class ErrorResponseWriter {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponseWriter.class);

    private final JsonMapper json;

    public ErrorResponseWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ErrorCode code, String message) throws IOException {
        ErrorResponse body = ErrorResponse.of(code, message, null);
        log.debug("{} {} error_id={}", code.status(), code.code(), body.id());
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
