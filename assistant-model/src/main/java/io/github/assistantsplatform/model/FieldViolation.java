package io.github.assistantsplatform.model;

/** @param field the JSON path of the offending field, e.g. {@code configuration.top_p} */
public record FieldViolation(String field, String message) {}
