package io.github.assistantsplatform.api.audit;

import java.util.List;

/**
 * What {@code POST /api/v1/admin/audit/verify} found.
 *
 * @param status      {@code intact} or {@code broken}
 * @param firstBroken the broken link lowest in the log (null when intact)
 * @param broken      each broken stream's first broken link, lowest position first (at most 100), and the
 *                    anchor's mismatch
 * @param anchor      the latest anchor read from the bucket, null when there is none yet
 * @param coverage    what the verification could and could not check, in words
 */
public record AuditVerification(
        String status,
        long events,
        long streams,
        long linkedEvents,
        long legacyEvents,
        long brokenStreams,
        AuditBreak firstBroken,
        List<AuditBreak> broken,
        AuditAnchorView anchor,
        String coverage,
        long elapsedMs,
        long eventsPerSecond) {}
