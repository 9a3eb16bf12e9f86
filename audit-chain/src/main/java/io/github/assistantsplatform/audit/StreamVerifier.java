package io.github.assistantsplatform.audit;

import io.github.assistantsplatform.audit.Finding.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Recomputes every stream's chain from its rows, given in order of aggregate and then sequence, and
 * reports each stream's first broken link. A stream's rows may interleave with no other stream's. One
 * row of look-ahead tells a reordered pair from a changed row.
 *
 * <p>Rows with no recorded link below {@code chainStart} were stored before the chain existed: their
 * links are computed all the same (an anchor over their heads covers them from then on) but nothing
 * recorded can be compared. In a {@linkplain #partial partial} export (a filtered one) a sequence gap
 * is expected, and the row's exported previous link is taken instead.
 */
public final class StreamVerifier {

    /** Findings kept in full; the rest are only counted. */
    public static final int MAX_FINDINGS = 100;

    private final long chainStart;
    private final long anchorPosition;
    private final boolean partial;
    private final List<Finding> findings = new ArrayList<>();
    private final List<StreamHead> headsAtAnchor = new ArrayList<>();
    private long events;
    private long streams;
    private long chainedEvents;
    private long legacyEvents;
    private long brokenStreams;

    private StoredEvent pending;
    private String pendingPrevious;
    private long expected;
    private String previous;
    private boolean reported;
    private StreamHead anchorHead;

    /**
     * @param chainStart     the global position of the first event written with a link ({@link Long#MAX_VALUE}
     *                       when none was)
     * @param anchorPosition the position whose heads are collected for an anchor's root, or -1
     */
    public StreamVerifier(long chainStart, long anchorPosition, boolean partial) {
        this.chainStart = chainStart;
        this.anchorPosition = anchorPosition;
        this.partial = partial;
    }

    public void accept(StoredEvent event) {
        accept(event, null);
    }

    /** @param exportedPrevious the previous link an export gave for this row (only read when partial) */
    public void accept(StoredEvent event, String exportedPrevious) {
        if (pending != null && pending.aggregate().equals(event.aggregate())) {
            check(pending, pendingPrevious, event);
        } else {
            endStream();
            startStream();
        }
        pending = event;
        pendingPrevious = exportedPrevious;
    }

    public long events() {
        return events;
    }

    public Verification finish() {
        endStream();
        return new Verification(
                events,
                streams,
                chainedEvents,
                legacyEvents,
                brokenStreams,
                List.copyOf(findings),
                anchorPosition >= 0 ? MerkleRoot.of(headsAtAnchor) : null,
                headsAtAnchor.size());
    }

    private void startStream() {
        expected = 0;
        previous = StoredEvent.GENESIS;
        reported = false;
        anchorHead = null;
    }

    private void endStream() {
        if (pending != null) {
            check(pending, pendingPrevious, null);
            streams++;
            if (anchorHead != null) {
                headsAtAnchor.add(anchorHead);
            }
            pending = null;
        }
    }

    private void check(StoredEvent event, String exportedPrevious, StoredEvent next) {
        events++;
        if (event.sequence() != expected) {
            if (partial && exportedPrevious != null) {
                previous = exportedPrevious;
            } else if (event.sequence() > expected) {
                report(
                        Problem.EVENT_MISSING,
                        event.aggregate(),
                        expected,
                        event.position(),
                        expected == event.sequence() - 1
                                ? "sequence " + expected + " has no row (deleted)"
                                : "sequences " + expected + " to " + (event.sequence() - 1)
                                        + " have no rows (deleted)");
            }
        }
        if (next != null && next.position() < event.position()) {
            report(
                    event,
                    Problem.EVENTS_REORDERED,
                    "stored at position " + event.position()
                            + ", after sequence " + next.sequence() + " at position " + next.position()
                            + ": the two rows were reordered");
        }
        String digest = event.payloadDigest();
        String link = event.linkHash(previous, digest);
        if (event.recordedHash().isPresent()) {
            chainedEvents++;
            if (!Objects.equals(event.recordedPayloadDigest().orElse(null), digest)) {
                report(
                        event,
                        Problem.PAYLOAD_CHANGED,
                        "the payload's digest is " + digest + ", "
                                + event.recordedPayloadDigest().orElse("none") + " was recorded");
            } else if (!event.recordedHash().get().equals(link)) {
                report(
                        event,
                        Problem.EVENT_CHANGED,
                        "the link is " + link + ", " + event.recordedHash().get()
                                + " was recorded: its metadata, envelope, place or a row before it differs");
            }
        } else if (event.position() >= chainStart) {
            report(
                    event,
                    Problem.EVENT_UNCHAINED,
                    "no recorded link, though stored after the chain began at position " + chainStart
                            + ": not written by the event store");
        } else {
            legacyEvents++;
        }
        previous = link;
        expected = event.sequence() + 1;
        if (event.position() <= anchorPosition) {
            anchorHead = new StreamHead(event.aggregate(), event.sequence(), link);
        }
    }

    private void report(StoredEvent event, Problem problem, String detail) {
        report(problem, event.aggregate(), event.sequence(), event.position(), detail);
    }

    private void report(Problem problem, String aggregate, long sequence, Long position, String detail) {
        if (reported) {
            return;
        }
        reported = true;
        brokenStreams++;
        if (findings.size() < MAX_FINDINGS) {
            findings.add(new Finding(problem, aggregate, sequence, position, detail));
        }
    }

    /**
     * What a verification found: counts, each broken stream's first broken link (the first
     * {@link #MAX_FINDINGS}), and the root of the heads at the anchor's position.
     */
    public record Verification(
            long events,
            long streams,
            long chainedEvents,
            long legacyEvents,
            long brokenStreams,
            List<Finding> findings,
            String rootAtAnchor,
            long streamsAtAnchor) {

        /** The anchor's root compared: a mismatch is one more finding, placed at the anchor. */
        public List<Finding> against(Anchor anchor) {
            List<Finding> all = new ArrayList<>(findings);
            if (anchor != null && !anchor.root().equals(rootAtAnchor)) {
                all.add(new Finding(
                        Problem.ANCHOR_MISMATCH,
                        null,
                        null,
                        anchor.position(),
                        streamsAtAnchor
                                + " streams' heads at position " + anchor.position() + " give root " + rootAtAnchor
                                + "; anchor " + anchor.anchor() + " recorded " + anchor.streams() + " streams and root "
                                + anchor.root()
                                + ": an event at or before that position was deleted, changed or rehashed"));
            }
            return all;
        }
    }
}
