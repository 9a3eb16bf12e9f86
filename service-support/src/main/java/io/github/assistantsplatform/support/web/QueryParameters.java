package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.api.audit.AuditFilter;
import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.ValidationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

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

    /**
     * The audit's filters as both its log and its export take them: {@code type} one of {@code types},
     * {@code from} and {@code to} instants, the one before the other.
     */
    public static AuditFilter auditFilter(
            String actor, String type, UUID assistantId, String from, String to, Collection<String> types) {
        AuditFilter filter = new AuditFilter(
                actor, oneOf("type", type, types), assistantId, instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new ValidationException(List.of(new FieldViolation("to", "must be after from")));
        }
        return filter;
    }
}
