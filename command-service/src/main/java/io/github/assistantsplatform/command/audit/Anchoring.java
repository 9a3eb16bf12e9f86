package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.audit.Anchor;
import io.github.assistantsplatform.audit.MerkleRoot;
import io.github.assistantsplatform.audit.StreamHead;
import io.github.assistantsplatform.events.AuditAnchored;
import io.github.assistantsplatform.events.EventMetadata;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes the anchors: every {@code assistants.audit.anchor-interval} when events were stored since the
 * last one, and on an admin's demand. One replica at a time computes one (a PostgreSQL advisory lock, held
 * by the transaction that appends it; the anchors' stream's sequence would stop a second one all the
 * same), appends it as an {@link AuditAnchored} event, then puts it in the bucket; one whose put failed is
 * put by the next run.
 *
 * <p>Before anchoring anew, the heads at the previous anchor's position are held against its root: a
 * store rewritten since (hashes recomputed and all) is refused, logged and counted, instead of being
 * covered by the next anchor as if it were the original.
 */
class Anchoring {

    private static final Logger log = LoggerFactory.getLogger(Anchoring.class);
    static final String SCHEDULED_ACTOR = "audit-anchoring";

    /** The store no longer gives the previous anchor's root: no anchor over it until it is verified. */
    static final class AnchorRefusedException extends RuntimeException {
        AnchorRefusedException(String message) {
            super(message);
        }
    }

    /** What an anchoring did: the anchor, and whether it is new (else the store had nothing new since). */
    record Anchored(Anchor anchor, boolean created) {}

    private final EventTableScans scans;
    private final AnchorBucket bucket;
    private final EventStore eventStore;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;
    private final Clock clock;
    private final Counter written;
    private final Counter refused;
    private final Counter failed;

    Anchoring(
            EventTableScans scans,
            AnchorBucket bucket,
            EventStore eventStore,
            PlatformTransactionManager transactions,
            AuditProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.scans = scans;
        this.bucket = bucket;
        this.eventStore = eventStore;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
        this.written =
                Counter.builder("audit.anchors").tag("outcome", "written").register(meters);
        this.refused =
                Counter.builder("audit.anchors").tag("outcome", "refused").register(meters);
        this.failed = Counter.builder("audit.anchors").tag("outcome", "failed").register(meters);
    }

    @Scheduled(
            initialDelayString = "${assistants.audit.anchor-interval}",
            fixedDelayString = "${assistants.audit.anchor-interval}")
    void scheduled() {
        try {
            anchor(SCHEDULED_ACTOR)
                    .filter(Anchored::created)
                    .ifPresent(anchored -> log.info(
                            "Anchor {} written: {} streams at position {}, root {}",
                            anchored.anchor().anchor(),
                            anchored.anchor().streams(),
                            anchored.anchor().position(),
                            anchored.anchor().root()));
        } catch (AnchorRefusedException e) {
            // counted and logged where it was refused; the next run looks again
        } catch (RuntimeException e) {
            failed.increment();
            log.warn(
                    "No anchor this time ({}); the next run tries again in {}",
                    e.getMessage(),
                    properties.anchorInterval());
        }
    }

    /** The latest anchor the store records, if there is one. */
    Optional<Anchor> latestInStore() {
        Optional<Long> last = eventStore.lastSequenceNumberFor(AuditAnchored.STREAM);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream events = eventStore.readEvents(AuditAnchored.STREAM, last.get());
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> message = events.next();
        AuditAnchored event = (AuditAnchored) message.getPayload();
        return Optional.of(new Anchor(
                event.anchor(),
                event.position(),
                event.streams(),
                event.root(),
                event.chainStart() == null ? Long.MAX_VALUE : event.chainStart(),
                event.legacyEvents(),
                message.getTimestamp().toString()));
    }

    /**
     * Anchors what the store holds up to its newest settled event; the latest anchor when nothing was
     * stored since; empty when there is nothing to anchor yet (no settled event) or another replica is anchoring.
     */
    Optional<Anchored> anchor(String actor) {
        Optional<Anchor> latest = latestInStore();
        latest.filter(anchor -> bucket.get(anchor.anchor()).isEmpty()).ifPresent(bucket::put);
        OptionalLong settled = scans.positionBefore(clock.instant().minus(properties.anchorSettle()));
        // the anchors' own events are not something new to anchor
        if (settled.isEmpty()
                || latest.isPresent()
                        && !scans.anyEventBetween(latest.get().position(), settled.getAsLong(), AuditAnchored.STREAM)) {
            return latest.map(anchor -> new Anchored(anchor, false));
        }
        Anchor anchor;
        try {
            anchor = transactions.execute(
                    status -> scans.tryAnchoringLock() ? appendAnchor(latest, settled.getAsLong(), actor) : null);
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            anchor = null;
        }
        if (anchor == null) {
            log.info("Another replica is anchoring; this one gives way");
            return Optional.empty();
        }
        bucket.put(anchor);
        written.increment();
        return Optional.of(new Anchored(anchor, true));
    }

    /**
     * In the transaction that holds the anchoring lock: the next anchor over the heads at {@code position},
     * appended as its event (its bucket put follows the commit).
     */
    private Anchor appendAnchor(Optional<Anchor> latest, long position, String actor) {
        latest.ifPresent(this::requireUnchangedSince);
        List<StreamHead> heads = scans.headsAt(position);
        boolean chainKnown = latest.isPresent() && latest.get().chainStart() != Long.MAX_VALUE;
        long chainStart = chainKnown ? latest.get().chainStart() : scans.chainStart();
        long legacyEvents =
                chainKnown ? latest.get().legacyEvents() : scans.eventsBelow(Math.min(chainStart, position + 1));
        Anchor anchor = new Anchor(
                latest.map(Anchor::anchor).orElse(0L) + 1,
                position,
                heads.size(),
                MerkleRoot.of(heads),
                chainStart,
                legacyEvents,
                clock.instant().toString());
        eventStore.publish(new GenericDomainEventMessage<>(
                AuditAnchored.STREAM,
                AuditAnchored.STREAM,
                anchor.anchor() - 1,
                new AuditAnchored(
                        anchor.anchor(),
                        anchor.position(),
                        anchor.streams(),
                        anchor.root(),
                        chainStart == Long.MAX_VALUE ? null : chainStart,
                        legacyEvents),
                MetaData.with(EventMetadata.ACTOR, actor)));
        return anchor;
    }

    private void requireUnchangedSince(Anchor anchor) {
        String root = MerkleRoot.of(scans.headsAt(anchor.position()));
        if (!root.equals(anchor.root())) {
            refused.increment();
            String message = "the store no longer gives anchor " + anchor.anchor() + "'s root at position "
                    + anchor.position()
                    + " (" + root + ", not " + anchor.root() + "): an event was changed, deleted or rehashed since; "
                    + "no anchor is written over it (POST /api/v1/admin/audit/verify says where)";
            log.error("Anchoring refused: {}", message);
            throw new AnchorRefusedException(message);
        }
    }
}
