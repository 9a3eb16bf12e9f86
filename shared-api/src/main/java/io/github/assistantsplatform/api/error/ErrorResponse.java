package io.github.assistantsplatform.api.error;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one error body of the API.
 *
 * @param id      the request's trace id in UUID form when it has one (every log line of every service the
 *                request went through carries it, without the dashes), else unique per occurrence
 * @param details for validation errors the list of {@link FieldViolation}s, otherwise null
 */
public record ErrorResponse(UUID id, String code, String message, ErrorType type, Object details) {

    /** Where Micrometer Tracing puts the current trace id for the log lines. */
    static final String TRACE_ID_KEY = "traceId";

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    public static ErrorResponse of(ErrorCode code, String message, Object details) {
        return new ErrorResponse(occurrenceId(MDC.get(TRACE_ID_KEY)), code.code(), message, code.type(), details);
    }

    /** {@code traceId} (W3C: 32 lower-case hex digits, not all zero) as a UUID; a random one without it. */
    static UUID occurrenceId(String traceId) {
        if (traceId == null
                || !TRACE_ID.matcher(traceId).matches()
                || traceId.chars().allMatch(c -> c == '0')) {
            return UUID.randomUUID();
        }
        return new UUID(Long.parseUnsignedLong(traceId, 0, 16, 16), Long.parseUnsignedLong(traceId, 16, 32, 16));
    }
}
