package io.github.assistantsplatform.model;

import java.util.List;

/** A request or command that breaks a rule of the contract, field by field (a 422 VALIDATION_ERROR). */
public class ValidationException extends RuntimeException {
    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super("Invalid: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
