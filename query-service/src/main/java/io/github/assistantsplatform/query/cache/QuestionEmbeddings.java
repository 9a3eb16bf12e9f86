package io.github.assistantsplatform.query.cache;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.github.assistantsplatform.support.web.TooBusyException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sentence embeddings computed in-process by all-MiniLM-L6-v2 (quantised, 384 dimensions), which
 * ships inside its Maven package: nothing is downloaded at run time. Vectors are normalised to
 * length 1, so the cosine similarity of two questions is their dot product.
 */
@Component
class QuestionEmbeddings {

    private volatile EmbeddingModel model;
    private final Semaphore turns;
    private final Duration wait;

    QuestionEmbeddings(SemanticCacheProperties properties) {
        this.turns = new Semaphore(properties.concurrentEmbeddings());
        this.wait = properties.embeddingWait();
    }

    /**
     * The question's embedding, computed when one of the limited turns is free within the wait: a
     * burst of look-ups (guests may send them) is answered 429 instead of queueing without bound.
     */
    float[] embed(String question) {
        boolean turn;
        try {
            turn = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw new TooBusyException(
                    "Too many semantic cache look-ups at once; retry in a second", Duration.ofSeconds(1));
        }
        try {
            return normalised(model().embed(question).content().vector());
        } finally {
            turns.release();
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** Loaded on first use (half a second), not at start-up. */
    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                loaded = model;
            }
        }
        return loaded;
    }
}
