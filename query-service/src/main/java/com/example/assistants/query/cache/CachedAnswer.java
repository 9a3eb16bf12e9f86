package com.example.assistants.query.cache;

import java.time.Instant;
import java.util.UUID;

/** One entry of an assistant's semantic cache: a question (as asked, and its embedding), its answer, until when it holds. */
record CachedAnswer(UUID assistantId, String question, String questionHash, float[] embedding, String answer,
                    Instant createdAt, Instant expiresAt) {

    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
