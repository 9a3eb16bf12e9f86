package io.github.assistantsplatform.support.web;

/** A service this one calls could not do its part; answered 503 DEPENDENCY_UNAVAILABLE. */
public class DependencyUnavailableException extends RuntimeException {
    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DependencyUnavailableException(String message) {
        super(message);
    }
}
