package io.github.assistantsplatform.query.readmodel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs a write to MongoDB until MongoDB takes it, backing off while it is unreachable. The
 * projection waits here instead of failing, so its token does not move and no event is skipped;
 * any other failure is thrown at once (and dead-lettered).
 */
public final class MongoRetry {

    private static final Logger log = LoggerFactory.getLogger(MongoRetry.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final AtomicLong WAITS = new AtomicLong();

    private MongoRetry() {}

    /** How many times, since this JVM started, a call waited because MongoDB was unavailable. */
    public static long waits() {
        return WAITS.get();
    }

    public static void untilAvailable(String what, Runnable write) {
        untilAvailable(what, () -> {
            write.run();
            return null;
        });
    }

    public static <T> T untilAvailable(String what, Supplier<T> call) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.get();
                if (attempt > 1) {
                    log.info("MongoDB is back: {} succeeded after {} attempts", what, attempt);
                }
                return result;
            } catch (RuntimeException e) {
                if (!MongoFailures.isUnavailable(e)) {
                    throw e;
                }
                WAITS.incrementAndGet();
                log.warn(
                        "MongoDB unavailable ({}); retrying {} in {} ms (attempt {})",
                        e.getClass().getSimpleName(),
                        what,
                        pause.toMillis(),
                        attempt);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for MongoDB", e);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
