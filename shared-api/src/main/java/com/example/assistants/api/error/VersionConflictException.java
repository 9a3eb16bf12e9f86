package com.example.assistants.api.error;

import java.util.UUID;

public class VersionConflictException extends RuntimeException {
    public VersionConflictException(UUID assistantId, long expectedVersion, long actualVersion) {
        super("Assistant " + assistantId + " is at version " + actualVersion + ", not " + expectedVersion
                + "; read it again and retry");
    }

    public VersionConflictException(UUID assistantId, String unknownTag) {
        super("If-Match " + unknownTag + " does not match the current version of assistant " + assistantId);
    }
}
