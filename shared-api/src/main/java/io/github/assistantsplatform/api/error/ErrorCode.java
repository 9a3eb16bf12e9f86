package io.github.assistantsplatform.api.error;

/** Every error code of the API, with the HTTP status it is sent with. */
public enum ErrorCode {
    ENTITY_NOT_FOUND("entity_not_found", 404, ErrorType.FUNCTIONAL),
    VALIDATION_ERROR("VALIDATION_ERROR", 422, ErrorType.FUNCTIONAL),
    INVALID_FILE_TYPE("INVALID_FILE_TYPE", 400, ErrorType.FUNCTIONAL),
    PAYLOAD_TOO_LARGE("PAYLOAD_TOO_LARGE", 413, ErrorType.FUNCTIONAL),
    AUTHENTICATION_FAILED("authentication_failed", 401, ErrorType.FUNCTIONAL),
    INSUFFICIENT_PRIVILEGES("INSUFFICIENT_PRIVILEGES", 403, ErrorType.FUNCTIONAL),
    VERSION_CONFLICT("VERSION_CONFLICT", 412, ErrorType.FUNCTIONAL),
    CONFLICT("CONFLICT", 409, ErrorType.FUNCTIONAL),
    REQUEST_TIMEOUT("REQUEST_TIMEOUT", 408, ErrorType.FUNCTIONAL),
    METHOD_NOT_ALLOWED("METHOD_NOT_ALLOWED", 405, ErrorType.FUNCTIONAL),
    UNSUPPORTED_MEDIA_TYPE("UNSUPPORTED_MEDIA_TYPE", 415, ErrorType.FUNCTIONAL),
    TOO_MANY_REQUESTS("TOO_MANY_REQUESTS", 429, ErrorType.TECHNICAL),
    DEPENDENCY_UNAVAILABLE("DEPENDENCY_UNAVAILABLE", 503, ErrorType.TECHNICAL),
    TECHNICAL_ERROR("technical_error", 500, ErrorType.TECHNICAL);

    private final String code;
    private final int status;
    private final ErrorType type;

    ErrorCode(String code, int status, ErrorType type) {
        this.code = code;
        this.status = status;
        this.type = type;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public ErrorType type() {
        return type;
    }
}
