package io.github.assistantsplatform.api.error;

import java.util.UUID;

public class VersionConflictException extends ApiException {

    public VersionConflictException(UUID assistantId, long expectedVersion, long actualVersion) {
        super(
                ErrorCode.VERSION_CONFLICT,
                "Assistant " + assistantId + " is at version " + actualVersion + ", not " + expectedVersion
                        + "; read it again and retry");
    }

    public VersionConflictException(UUID assistantId, String unknownTag) {
        super(
                ErrorCode.VERSION_CONFLICT,
                "If-Match " + unknownTag + " does not match the current version of assistant " + assistantId);
    }

    /** Another writer appended the same event number first. */
    public VersionConflictException(UUID assistantId) {
        super(
                ErrorCode.VERSION_CONFLICT,
                "Assistant " + assistantId + " was changed concurrently; read it again and retry");
    }
}
