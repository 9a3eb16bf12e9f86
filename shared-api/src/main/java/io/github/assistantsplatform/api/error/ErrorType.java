package io.github.assistantsplatform.api.error;

/** FUNCTIONAL: the request cannot succeed as sent. TECHNICAL: the server failed; retrying may help. */
public enum ErrorType {
    FUNCTIONAL,
    TECHNICAL
}
