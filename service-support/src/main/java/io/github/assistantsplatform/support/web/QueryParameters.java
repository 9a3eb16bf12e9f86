package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.ValidationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Query parameters that are more than a number: an unreadable one is a 422 that names it. */
public final class QueryParameters {

    private QueryParameters() {}

    /** An ISO-8601 instant with an offset; null when absent. */
    public static Instant instant(String parameter, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldViolation(
                    parameter, "must be an ISO-8601 instant with an offset, e.g. 2026-01-31T12:00:00Z")));
        }
    }

    /** One of {@code allowed}; null when absent. */
    public static String oneOf(String parameter, String text, Collection<String> allowed) {
        if (text == null || allowed.contains(text)) {
            return text;
        }
        throw new ValidationException(
                List.of(new FieldViolation(parameter, "must be one of " + String.join(", ", new TreeSet<>(allowed)))));
    }

    /** {@code from} before {@code to}, when both are given. */
    public static void requireOrdered(String fromParameter, Instant from, String toParameter, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ValidationException(List.of(new FieldViolation(toParameter, "must be after " + fromParameter)));
        }
    }
}
