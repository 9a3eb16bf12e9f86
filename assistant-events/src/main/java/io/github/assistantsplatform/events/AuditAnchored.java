package io.github.assistantsplatform.events;

/**
 * A digest of the whole event store was written to the anchor bucket (docs/audit.md): the Merkle root of
 * every stream's last link at {@code position}. Stored in its own stream ({@link #STREAM}), one event per
 * anchor, the stream's sequence being the anchor's number less one: two replicas anchoring at once cannot
 * both append the same number. Not an assistant's event: projections and Kafka pass it over.
 *
 * @param chainStart   the position of the first event appended with a link, {@code null} when none was
 * @param legacyEvents the events up to {@code position} stored before the chain existed
 */
@EventRevision("1")
public record AuditAnchored(long anchor, long position, long streams, String root, Long chainStart, long legacyEvents) {

    /** The aggregate id (and aggregate type) of the anchors' stream. */
    public static final String STREAM = "audit-anchors";
}
