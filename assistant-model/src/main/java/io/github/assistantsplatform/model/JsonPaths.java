package io.github.assistantsplatform.model;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Field paths as a client wrote them: {@code configuration.top_p}, {@code linked_connector_ids[2]}. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Bean Validation reports Java names ({@code configuration.topP}); the API speaks snake_case. */
    public static String snakeCase(String javaPath) {
        if (javaPath == null || javaPath.isEmpty()) {
            return "body";
        }
        return PlatformJson.jsonName(javaPath.replaceAll("\\.?<[^>]*>", ""));
    }

    /** JSON that parses but does not fit the type it is read as: an unknown field, a wrong type, a bad enum value. */
    public static FieldViolation violation(JacksonException e) {
        return new FieldViolation(of(e), problem(e));
    }

    private static String problem(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e.getCause() instanceof IllegalArgumentException argument && argument.getMessage() != null) {
            return argument.getMessage();
        }
        return "has the wrong type or format";
    }
}
