package io.github.assistantsplatform.api.audit;

/** A line of a verification's progress ({@code Accept: application/x-ndjson}): the rows checked so far. */
public record AuditVerifyProgress(long events, long totalEvents, long elapsedMs, long eventsPerSecond) {}
