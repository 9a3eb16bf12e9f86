package com.example.assistants.api.error;

import java.util.List;

/** A command that would leave an assistant breaking a rule of the contract. */
public class InvalidAssistantException extends RuntimeException {
    private final List<FieldViolation> violations;

    public InvalidAssistantException(List<FieldViolation> violations) {
        super("Invalid assistant: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
