package io.github.assistantsplatform.query.cache;

import java.time.Instant;
import java.util.UUID;

/** One entry of an assistant's semantic cache: a question (as asked, and its embedding), its answer, until when it holds. */
record CachedAnswer(
        UUID assistantId,
        String question,
        String questionHash,
        float[] embedding,
        String answer,
        Instant createdAt,
        Instant expiresAt) {

    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    /** About what the entry takes on the heap: its strings (UTF-16), its vector and the objects around them. */
    int weight() {
        return 2 * (question.length() + questionHash.length() + answer.length()) + 4 * embedding.length + 256;
    }
}
