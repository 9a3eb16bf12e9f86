package com.example.assistants.command.web;

import com.example.assistants.api.assistant.AssistantUpdate;
import com.example.assistants.api.error.FieldViolation;
import com.example.assistants.api.error.ValidationException;
import com.example.assistants.support.web.JsonPaths;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Comparator;
import java.util.List;

/**
 * Reads a partial update. JSON tells "absent" (keep) from "null" (clear), which a record cannot:
 * so the body is checked as a tree first, where null is accepted only for the clearable fields.
 */
@Component
class AssistantUpdateReader {

    private final JsonMapper json;
    private final Validator validator;

    AssistantUpdateReader(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    AssistantUpdate read(JsonNode body) {
        if (!body.isObject()) {
            throw new ValidationException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        List<FieldViolation> nulls = body.properties().stream()
                .filter(field -> field.getValue().isNull() && !AssistantUpdate.CLEARABLE_FIELDS.contains(field.getKey()))
                .map(field -> new FieldViolation(field.getKey(), "must not be null; leave the field out to keep its value"))
                .toList();
        if (!nulls.isEmpty()) {
            throw new ValidationException(nulls);
        }
        AssistantUpdate update = json.treeToValue(body, AssistantUpdate.class);
        List<FieldViolation> violations = validator.validate(update).stream()
                .map(violation -> new FieldViolation(JsonPaths.snakeCase(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return update;
    }
}
