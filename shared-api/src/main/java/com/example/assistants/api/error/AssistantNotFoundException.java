package com.example.assistants.api.error;

import java.util.UUID;

public class AssistantNotFoundException extends RuntimeException {
    public AssistantNotFoundException(UUID assistantId) {
        super("Assistant " + assistantId + " not found");
    }
}
