package io.github.assistantsplatform.api.audit;

/**
 * An anchor as the bucket holds it.
 *
 * @param chainStart   the position of the first event appended with a link; null when none was yet
 * @param legacyEvents events stored before the chain existed: covered from this anchor's series on, not before
 * @param locked       whether the bucket keeps it under an Object Lock retention in compliance mode
 */
public record AuditAnchorView(
        long anchor,
        long position,
        long streams,
        String root,
        Long chainStart,
        long legacyEvents,
        String anchoredAt,
        String bucketKey,
        boolean locked) {}
