package io.github.assistantsplatform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.stream.BlockingStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

class PromptEventStreamsTest {

    /** A stream that has its next event at the {@code ready}-th look, each look taking the wait it is given. */
    private static final class Looks implements BlockingStream<String> {

        final List<Long> waits = new ArrayList<>();
        private final int ready;

        Looks(int ready) {
            this.ready = ready;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            waits.add(unit.toNanos(timeout));
            if (waits.size() >= ready) {
                return true;
            }
            TimeUnit.NANOSECONDS.sleep(unit.toNanos(timeout));
            return false;
        }

        @Override
        public Optional<String> peek() {
            return Optional.empty();
        }

        @Override
        public String nextAvailable() {
            return "event";
        }

        @Override
        public void close() {}
    }

    @Test
    void aWaitLooksAgainEverySliceAndEndsAtTheLookThatFindsAnEvent() throws InterruptedException {
        Looks looks = new Looks(3);

        boolean found = new PromptEventStreams.Prompt<>(looks).hasNextAvailable(1, TimeUnit.SECONDS);

        assertThat(found).isTrue();
        assertThat(looks.waits).hasSize(3).allMatch(wait -> wait == PromptEventStreams.SLICE.toNanos());
    }

    @Test
    void aWaitWithNothingToFindLastsAsLongAsAskedAndNoLonger() throws InterruptedException {
        Looks looks = new Looks(Integer.MAX_VALUE);

        long started = System.nanoTime();
        boolean found = new PromptEventStreams.Prompt<>(looks).hasNextAvailable(120, TimeUnit.MILLISECONDS);
        long waited = System.nanoTime() - started;

        assertThat(found).isFalse();
        assertThat(waited).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
        assertThat(looks.waits).allMatch(wait -> wait <= PromptEventStreams.SLICE.toNanos());
        assertThat(looks.waits.stream().mapToLong(Long::longValue).sum())
                .isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
    }

    @Test
    void aLookWithoutWaitingIsOneLook() throws InterruptedException {
        Looks looks = new Looks(Integer.MAX_VALUE);

        assertThat(new PromptEventStreams.Prompt<>(looks).hasNextAvailable(0, TimeUnit.MILLISECONDS))
                .isFalse();
        assertThat(looks.waits).containsExactly(0L);
    }
}
