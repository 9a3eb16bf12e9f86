package io.github.assistantsplatform.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One change in the audit log: as the assistant's history shows it, with the assistant, the event's
 * global position (the log's order) and the link the event store recorded for it.
 */
public record AuditLogEntry(
        UUID assistantId,
        long position,
        long sequence,
        String type,
        Instant timestamp,
        String actor,
        String requestId,
        String correlationId,
        Object changes,
        String chainHash) {}
