package io.github.assistantsplatform.api.assistant;

import java.time.Instant;

/**
 * One event of an assistant's history, for auditors.
 *
 * @param type    the event type, e.g. {@code AssistantUpdated}
 * @param actor   the {@code sub} of the token that caused it
 * @param changes what the event set: the full settings on creation, only the changed fields
 *                (with their new values) on update, the avatar, the purge count; empty on deletion
 */
public record AssistantHistoryEntry(
        long sequence,
        String type,
        Instant timestamp,
        String actor,
        String requestId,
        String correlationId,
        Object changes) {}
