package com.example.assistants.command.assistant;

import java.util.UUID;

public class AvatarNotFoundException extends RuntimeException {
    public AvatarNotFoundException(UUID assistantId) {
        super("Assistant " + assistantId + " has no avatar");
    }
}
