package io.github.assistantsplatform.api.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which changes the audit log and its export hold: each filter that is set must match ({@code from}
 * inclusive, {@code to} not); null for one that is not set.
 */
public record AuditFilter(String actor, String type, UUID assistantId, Instant from, Instant to) {}
