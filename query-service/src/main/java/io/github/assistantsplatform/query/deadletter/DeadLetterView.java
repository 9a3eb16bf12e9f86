package io.github.assistantsplatform.query.deadletter;

import java.time.Instant;

/**
 * An event the read model projection could not handle, kept aside with the ones of the same
 * assistant after it (they must be applied in order).
 *
 * @param id       the event's identifier, to retry its sequence
 * @param sequence the assistant the event belongs to
 * @param position the event's sequence number within the assistant's stream
 */
public record DeadLetterView(
        String id,
        String sequence,
        Long position,
        String type,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {}
