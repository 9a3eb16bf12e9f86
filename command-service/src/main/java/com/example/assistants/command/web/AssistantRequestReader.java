package com.example.assistants.command.web;

import com.example.assistants.api.assistant.AssistantCreate;
import com.example.assistants.api.assistant.AssistantResponse;
import com.example.assistants.api.assistant.AssistantUpdate;
import com.example.assistants.api.error.FieldViolation;
import com.example.assistants.api.error.ValidationException;
import com.example.assistants.support.web.JsonPaths;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads a create or an update as a tree first. A client may send back what a response showed it (the
 * original frontend PUTs the whole assistant it loaded): {@link AssistantResponse#READ_ONLY_FIELDS}
 * are dropped, any other unknown field is still refused. JSON tells "absent" (keep) from "null"
 * (clear), which a record cannot: null is accepted only for the clearable fields of an update.
 */
@Component
class AssistantRequestReader {

    private final JsonMapper json;
    private final Validator validator;

    AssistantRequestReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    AssistantCreate create(JsonNode body) {
        return valid(json.treeToValue(writable(body), AssistantCreate.class));
    }

    AssistantUpdate update(UUID id, JsonNode body) {
        JsonNode sentId = body.get("id");
        if (sentId != null && !sentId.isNull() && !sentId.asString().equals(id.toString())) {
            throw new ValidationException(List.of(new FieldViolation("id", "must be the id in the path (" + id + ")")));
        }
        ObjectNode writable = writable(body);
        List<FieldViolation> nulls = writable.properties().stream()
                .filter(field -> field.getValue().isNull() && !AssistantUpdate.CLEARABLE_FIELDS.contains(field.getKey()))
                .map(field -> new FieldViolation(field.getKey(), "must not be null; leave the field out to keep its value"))
                .toList();
        if (!nulls.isEmpty()) {
            throw new ValidationException(nulls);
        }
        return valid(json.treeToValue(writable, AssistantUpdate.class));
    }

    private static ObjectNode writable(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw new ValidationException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        object.remove(AssistantResponse.READ_ONLY_FIELDS);
        return object;
    }

    private <T> T valid(T request) {
        List<FieldViolation> violations = validator.validate(request).stream()
                .map(violation -> new FieldViolation(JsonPaths.snakeCase(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return request;
    }
}
