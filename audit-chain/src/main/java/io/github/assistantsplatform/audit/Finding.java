package io.github.assistantsplatform.audit;

import java.util.Locale;

/**
 * A broken link: where ({@code aggregate} and {@code sequence}, with the row's global position when
 * there is a row) and what differs.
 */
public record Finding(Problem problem, String aggregate, Long sequence, Long position, String detail) {

    public enum Problem {
        /** The payload's canonical digest is not the one recorded when it was appended. */
        PAYLOAD_CHANGED,
        /** The payload is as recorded, but its metadata, envelope (id, type, time) or place is not. */
        EVENT_CHANGED,
        /** A sequence number of the stream has no row: deleted. */
        EVENT_MISSING,
        /** The row of a sequence was stored after the row of the next one: rows reordered. */
        EVENTS_REORDERED,
        /** A row stored after the chain began carries no link: inserted past the event store. */
        EVENT_UNCHAINED,
        /** The streams' heads at an anchor's position do not give the anchor's root. */
        ANCHOR_MISMATCH;

        /** As the API names it: {@code payload_changed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
