package com.example.assistants.support.web;

import com.example.assistants.support.json.PlatformJson;
import tools.jackson.core.JacksonException;

/** Field paths as a client wrote them: {@code configuration.top_p}, {@code linked_connector_ids[2]}. */
public final class JsonPaths {

    private JsonPaths() {
    }

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
}
