package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.api.audit.AuditAnchorView;
import io.github.assistantsplatform.api.audit.AuditBreak;
import io.github.assistantsplatform.api.audit.AuditVerification;
import io.github.assistantsplatform.api.audit.AuditVerifyProgress;
import io.github.assistantsplatform.audit.Anchor;
import io.github.assistantsplatform.audit.Finding;
import io.github.assistantsplatform.audit.StreamVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Recomputes every stream's chain from the rows and holds the heads against the latest anchor in the
 * bucket (the store's own anchor events could be rewritten with the rest; the bucket's cannot).
 */
class StoreVerification {

    private static final Logger log = LoggerFactory.getLogger(StoreVerification.class);
    static final int PROGRESS_EVERY = 50_000;

    private final EventTableScans scans;
    private final AnchorBucket bucket;
    private final Anchoring anchoring;

    StoreVerification(EventTableScans scans, AnchorBucket bucket, Anchoring anchoring) {
        this.scans = scans;
        this.bucket = bucket;
        this.anchoring = anchoring;
    }

    AuditVerification verify(Consumer<AuditVerifyProgress> progress) {
        long started = System.nanoTime();
        Optional<Anchor> inStore = anchoring.latestInStore();
        long latestNumber = inStore.map(Anchor::anchor).orElse(1L);
        // the bucket is never ahead of the store (an anchor is appended first); it may lag by one put
        Anchor anchor = bucket.latestFrom(latestNumber)
                .or(() -> latestNumber > 1 ? bucket.get(latestNumber - 1) : Optional.empty())
                .orElse(null);
        List<AuditBreak> anchorBreaks = new ArrayList<>();
        if (anchor != null && (inStore.isEmpty() || inStore.get().anchor() < anchor.anchor())) {
            anchorBreaks.add(anchorBreak(
                    anchor,
                    "the bucket holds anchor " + anchor.anchor() + " but the store's latest"
                            + " anchor event is "
                            + inStore.map(stored -> String.valueOf(stored.anchor()))
                                    .orElse("none")
                            + ": anchor events were deleted from the store"));
        } else if (anchor != null && inStore.get().anchor() == anchor.anchor() && !sameAnchor(inStore.get(), anchor)) {
            anchorBreaks.add(
                    anchorBreak(anchor, "the store's anchor event " + anchor.anchor() + " differs from the bucket's"));
        }
        long chainStart =
                anchor != null && anchor.chainStart() != Long.MAX_VALUE ? anchor.chainStart() : scans.chainStart();
        long total = scans.count();
        StreamVerifier verifier = new StreamVerifier(chainStart, anchor != null ? anchor.position() : -1, false);
        progress.accept(progress(0, total, started));
        scans.streams(event -> {
            verifier.accept(event);
            if (verifier.events() > 0 && verifier.events() % PROGRESS_EVERY == 0) {
                progress.accept(progress(verifier.events(), total, started));
            }
        });
        StreamVerifier.Verification verification = verifier.finish();
        List<AuditBreak> broken = new ArrayList<>(verification.against(anchor).stream()
                .map(StoreVerification::view)
                .toList());
        broken.addAll(anchorBreaks);
        broken.sort(Comparator.comparing(AuditBreak::position, Comparator.nullsLast(Comparator.naturalOrder())));
        AuditVerifyProgress done = progress(verification.events(), total, started);
        AuditVerification report = new AuditVerification(
                broken.isEmpty() ? "intact" : "broken",
                verification.events(),
                verification.streams(),
                verification.chainedEvents(),
                verification.legacyEvents(),
                verification.brokenStreams(),
                broken.isEmpty() ? null : broken.get(0),
                broken,
                anchor == null ? null : view(anchor, bucket.locked()),
                coverage(anchor, verification, inStore.isPresent()),
                done.elapsedMs(),
                done.eventsPerSecond());
        log.info(
                "Audit verify: {}, {} events in {} streams in {} ms ({} events/s), {} broken links",
                report.status(),
                report.events(),
                report.streams(),
                report.elapsedMs(),
                report.eventsPerSecond(),
                broken.size());
        return report;
    }

    private static boolean sameAnchor(Anchor stored, Anchor inBucket) {
        return stored.anchor() == inBucket.anchor()
                && stored.position() == inBucket.position()
                && stored.streams() == inBucket.streams()
                && stored.root().equals(inBucket.root());
    }

    private static String coverage(Anchor anchor, StreamVerifier.Verification verification, boolean anchoredInStore) {
        StringBuilder coverage = new StringBuilder();
        if (anchor == null) {
            coverage.append(
                    anchoredInStore
                            ? "The store records an anchor the bucket does not hold yet (the next anchoring puts it): "
                            : "No anchor yet: ");
            coverage.append(
                    "each event's recorded link is checked, but a stream rewritten with its hashes recomputed, or"
                            + " its last events deleted, cannot be told from the original.");
        } else {
            coverage.append("Every stream up to position ")
                    .append(anchor.position())
                    .append(" is held against anchor ")
                    .append(anchor.anchor())
                    .append(" of ")
                    .append(anchor.anchoredAt())
                    .append("; events after it are checked link by link only, until the next anchor.");
        }
        if (verification.legacyEvents() > 0) {
            coverage.append(" ")
                    .append(verification.legacyEvents())
                    .append(" events were stored before the chain existed:"
                            + " they carry no link of their own and are covered by the anchors from the first one that counts them on"
                            + " (a change to them before it cannot be detected).");
        }
        return coverage.toString();
    }

    private static AuditVerifyProgress progress(long events, long total, long started) {
        long elapsedMs = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        return new AuditVerifyProgress(events, total, elapsedMs, events * 1000 / elapsedMs);
    }

    static AuditAnchorView view(Anchor anchor, boolean locked) {
        return new AuditAnchorView(
                anchor.anchor(),
                anchor.position(),
                anchor.streams(),
                anchor.root(),
                anchor.chainStart() == Long.MAX_VALUE ? null : anchor.chainStart(),
                anchor.legacyEvents(),
                anchor.anchoredAt(),
                AnchorBucket.key(anchor.anchor()),
                locked);
    }

    private static AuditBreak view(Finding finding) {
        return new AuditBreak(
                finding.problem().code(),
                finding.aggregate(),
                finding.sequence(),
                finding.position(),
                finding.detail());
    }

    private static AuditBreak anchorBreak(Anchor anchor, String detail) {
        return new AuditBreak(Finding.Problem.ANCHOR_MISMATCH.code(), null, null, anchor.position(), detail);
    }
}
