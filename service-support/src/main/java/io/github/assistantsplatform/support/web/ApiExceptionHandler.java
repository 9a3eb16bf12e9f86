package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.error.ApiException;
import io.github.assistantsplatform.api.error.ErrorCode;
import io.github.assistantsplatform.api.error.ErrorResponse;
import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.JsonPaths;
import io.github.assistantsplatform.model.ValidationException;
import io.github.assistantsplatform.support.security.Callers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.util.Comparator;
import java.util.List;

/**
 * Turns every failure of a request into the one error body. Unexpected failures are logged with
 * the error id and answered without any internal detail.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final List<DependencyUnavailability> unavailabilities;

    ApiExceptionHandler(List<DependencyUnavailability> unavailabilities) {
        this.unavailabilities = unavailabilities;
    }

    private static ResponseEntity<ErrorResponse> error(ErrorCode code, String message) {
        return ResponseEntity.status(code.status()).body(ErrorResponse.of(code, message, null));
    }

    private static ResponseEntity<ErrorResponse> invalid(List<FieldViolation> violations) {
        return ResponseEntity.status(ErrorCode.VALIDATION_ERROR.status())
                .body(ErrorResponse.of(ErrorCode.VALIDATION_ERROR, "The request is invalid", violations));
    }

    /** Every refusal a service decides: not found, a conflict, a stale version, an invalid file. */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorResponse> refused(ApiException e) {
        return error(e.code(), e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ErrorResponse> invalidAssistant(ValidationException e) {
        return invalid(e.violations());
    }

    /** A rule checked in a controller ({@link io.github.assistantsplatform.support.security.Callers}). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorResponse> accessDenied(AccessDeniedException e) {
        return Callers.isAuthenticated()
                ? error(ErrorCode.INSUFFICIENT_PRIVILEGES, "Your roles do not allow this operation")
                : error(ErrorCode.AUTHENTICATION_FAILED, "This requires a valid bearer token");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorResponse> invalidBody(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldViolation(JsonPaths.snakeCase(error.getField()), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ErrorResponse> invalidParameters(HandlerMethodValidationException e) {
        return invalid(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldViolation(
                                error instanceof FieldError field
                                        ? JsonPaths.snakeCase(field.getField())
                                        : JsonPaths.snakeCase(
                                                result.getMethodParameter().getParameterName()),
                                error.getDefaultMessage())))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null
                ? "a valid value"
                : "a valid " + e.getRequiredType().getSimpleName();
        return invalid(List.of(new FieldViolation(e.getName(), "must be " + expected)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException e) {
        return invalid(List.of(new FieldViolation(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorResponse> missingHeader(MissingRequestHeaderException e) {
        return invalid(List.of(new FieldViolation(e.getHeaderName(), "header is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorResponse> unreadableBody(HttpMessageNotReadableException e) {
        // the limit first: Jackson wraps the read that crossed it as one of its own exceptions
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.PayloadTooLargeException tooLarge) {
                return error(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException) {
                return invalid(List.of(new FieldViolation("body", "is not well-formed JSON")));
            }
            if (cause instanceof JacksonException jackson) {
                return unmappableJson(jackson);
            }
        }
        return invalid(List.of(new FieldViolation("body", "is missing or not readable as JSON")));
    }

    /** JSON that parses but does not fit the request type: an unknown field, a wrong type, a bad enum value. */
    @ExceptionHandler(JacksonException.class)
    ResponseEntity<ErrorResponse> unmappableJson(JacksonException e) {
        return invalid(List.of(JsonPaths.violation(e)));
    }

    @ExceptionHandler(TooBusyException.class)
    ResponseEntity<ErrorResponse> tooBusy(TooBusyException e) {
        return ResponseEntity.status(ErrorCode.TOO_MANY_REQUESTS.status())
                .header(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(ErrorResponse.of(ErrorCode.TOO_MANY_REQUESTS, e.getMessage(), null));
    }

    @ExceptionHandler(EventPosition.NotCaughtUpException.class)
    ResponseEntity<ErrorResponse> notCaughtUp(EventPosition.NotCaughtUpException e) {
        return ResponseEntity.status(ErrorCode.DEPENDENCY_UNAVAILABLE.status())
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(ErrorResponse.of(ErrorCode.DEPENDENCY_UNAVAILABLE, e.getMessage(), null));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ErrorResponse> uploadTooLarge(MaxUploadSizeExceededException e) {
        return error(
                ErrorCode.PAYLOAD_TOO_LARGE,
                "The upload exceeds the size limit"
                        + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : ""));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ErrorResponse> missingPart(MissingServletRequestPartException e) {
        return invalid(List.of(new FieldViolation(e.getRequestPartName(), "is required")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ErrorResponse> notMultipart(MultipartException e) {
        return invalid(List.of(new FieldViolation("body", "must be multipart/form-data with a file part")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorResponse> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return error(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + e.getContentType() + " is not supported; use " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorResponse> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(ErrorCode.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorResponse> noRoute(NoResourceFoundException e) {
        return error(ErrorCode.ENTITY_NOT_FOUND, "No such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> unexpected(Exception e) {
        if (DependencyFailures.isUnavailable(e) || unavailabilities.stream().anyMatch(rule -> rule.isUnavailable(e))) {
            ErrorResponse body = ErrorResponse.of(
                    ErrorCode.DEPENDENCY_UNAVAILABLE,
                    "A service this request depends on is unavailable; nothing was changed, retry later",
                    null);
            log.warn("Dependency unavailable, error_id={}: {}", body.id(), e.toString());
            return ResponseEntity.status(ErrorCode.DEPENDENCY_UNAVAILABLE.status())
                    .body(body);
        }
        ErrorResponse body = ErrorResponse.of(
                ErrorCode.TECHNICAL_ERROR, "An unexpected error occurred; quote the error id when reporting it", null);
        log.error("Unexpected failure, error_id={}", body.id(), e);
        return ResponseEntity.status(ErrorCode.TECHNICAL_ERROR.status()).body(body);
    }
}
