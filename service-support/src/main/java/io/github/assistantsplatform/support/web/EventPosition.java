package io.github.assistantsplatform.support.web;

import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * Read-your-writes across replicas: every write answers with the global position of the event it
 * appended ({@value #HEADER}); a read that sends that position back is answered once the replica
 * serving it has applied it, or refused with 503 and {@code Retry-After} after {@link #WAIT}.
 */
public final class EventPosition {

    public static final String HEADER = "X-Event-Position";
    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 20;

    private EventPosition() {}

    /** A write's answer, with the position of the event it appended when there is one. */
    public static ResponseEntity.BodyBuilder answered(ResponseEntity.BodyBuilder response, OptionalLong position) {
        position.ifPresent(value -> response.header(HEADER, String.valueOf(value)));
        return response;
    }

    /** The position the caller sent back, if any; one that is not a non-negative number is a 422. */
    public static OptionalLong sent(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position >= 0) {
                return OptionalLong.of(position);
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new ValidationException(
                List.of(new FieldViolation(HEADER, "must be the non-negative event position a write answered with")));
    }

    /** Returns once {@code applied} holds for {@code position}; {@link NotCaughtUpException} after {@link #WAIT}. */
    public static void await(long position, LongPredicate applied) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!applied.test(position)) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUpException("event position " + position);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUpException("event position " + position);
            }
        }
    }

    /** This replica has not applied the position a read asked for within {@link #WAIT}: 503 with Retry-After. */
    public static final class NotCaughtUpException extends RuntimeException {

        /** @param what what the replica has not applied yet: "event position 42" */
        public NotCaughtUpException(String what) {
            super("This replica has not yet applied " + what + "; retry shortly");
        }
    }
}
