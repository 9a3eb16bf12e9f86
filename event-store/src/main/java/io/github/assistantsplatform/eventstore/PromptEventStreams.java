package io.github.assistantsplatform.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The event store as the tracking processors read it ({@code source} of each in the services' configuration),
 * except that a stream waiting for its next event asks again every {@link #SLICE} instead of once per wait.
 *
 * <p>Why: a processor that fell behind {@code EmbeddedEventStore}'s cache (a burst of writes, a catch-up) reads
 * on from the table and should rejoin the cache once it is at the head; it finds its place there by comparing
 * tracking tokens, which differ when the two reads saw different gaps (AxonFramework issue #1193). It then stays
 * on its own reads, and a wait for the next event is woken by nothing: every event reached Kafka up to a second
 * late (the processor's wait), 532 ms at the median in the benchmark after 12,000 writes, 18 ms without them.
 * Asking again is what rejoins or reads the new event; at the cache, a slice is only a wait on its signal.
 */
public final class PromptEventStreams implements StreamableMessageSource<TrackedEventMessage<?>> {

    static final Duration SLICE = Duration.ofMillis(50);

    private final EventStore eventStore;

    public PromptEventStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Prompt<>(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** A stream whose waits are cut into slices, each of them a new look. */
    static final class Prompt<M> implements BlockingStream<M> {

        private final BlockingStream<M> stream;

        Prompt(BlockingStream<M> stream) {
            this.stream = stream;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            long left = unit.toNanos(timeout);
            do {
                if (stream.hasNextAvailable((int) Math.min(left, SLICE.toNanos()), TimeUnit.NANOSECONDS)) {
                    return true;
                }
                left = deadline - System.nanoTime();
            } while (left > 0);
            return false;
        }

        @Override
        public Optional<M> peek() {
            return stream.peek();
        }

        @Override
        public M nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public Stream<M> asStream() {
            return stream.asStream();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(M ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return stream.setOnAvailableCallback(callback);
        }
    }
}
