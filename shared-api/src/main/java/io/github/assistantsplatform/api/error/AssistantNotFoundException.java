package io.github.assistantsplatform.api.error;

import java.util.UUID;

public class AssistantNotFoundException extends ApiException {

    public AssistantNotFoundException(UUID assistantId) {
        super(ErrorCode.ENTITY_NOT_FOUND, "Assistant " + assistantId + " not found");
    }
}
