package io.github.assistantsplatform.api.audit;

/**
 * A broken link of the audit chain.
 *
 * @param problem  payload_changed, event_changed, event_missing, events_reordered, event_unchained or
 *                 anchor_mismatch
 * @param stream   the assistant id (or {@code audit-anchors}); null for an anchor's mismatch
 * @param sequence the event's sequence in its stream (for a missing one, the first sequence with no row)
 * @param position the global position of the row at that place (for a missing one, of the row after the gap)
 * @param detail   what differs, in words, with the hashes compared
 */
public record AuditBreak(String problem, String stream, Long sequence, Long position, String detail) {}
