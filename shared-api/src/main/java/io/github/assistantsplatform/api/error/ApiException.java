package io.github.assistantsplatform.api.error;

/**
 * A request the API refuses, with the code that says how (and so the status): thrown wherever the refusal
 * is decided, and turned into the error body in one place, the services' exception handler.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
