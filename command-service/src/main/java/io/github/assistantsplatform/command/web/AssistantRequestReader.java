package io.github.assistantsplatform.command.web;

import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.model.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.UUID;

/**
 * Reads a create or an update as the merge patch it is. A client may send back what a response showed it
 * (the original frontend PUTs the whole assistant it loaded): {@link AssistantResponse#READ_ONLY_FIELDS}
 * are dropped, any other unknown field is still refused by the model.
 */
final class AssistantRequestReader {

    private AssistantRequestReader() {}

    static AssistantSettings create(JsonNode body) {
        return SettingsJson.created(writable(body));
    }

    /** The update's patch, checked by the aggregate against the settings it merges into. */
    static ObjectNode update(UUID id, JsonNode body) {
        JsonNode sentId = body.get("id");
        if (sentId != null && !sentId.isNull() && !sentId.asString().equals(id.toString())) {
            throw new ValidationException(List.of(new FieldViolation("id", "must be the id in the path (" + id + ")")));
        }
        return writable(body);
    }

    private static ObjectNode writable(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new ValidationException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        object.remove(AssistantResponse.READ_ONLY_FIELDS);
        return object;
    }
}
