package io.github.assistantsplatform.api.error;

import java.util.UUID;

/**
 * The one error body of the API.
 *
 * @param id      unique per occurrence, also written to the server log, so a report can be traced
 * @param details for validation errors the list of {@link FieldViolation}s, otherwise null
 */
public record ErrorResponse(UUID id, String code, String message, ErrorType type, Object details) {

    public static ErrorResponse of(ErrorCode code, String message, Object details) {
        return new ErrorResponse(UUID.randomUUID(), code.code(), message, code.type(), details);
    }
}
