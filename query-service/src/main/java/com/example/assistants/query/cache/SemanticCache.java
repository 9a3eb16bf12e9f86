package com.example.assistants.query.cache;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.api.cache.CacheLookupResult;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An assistant's semantic cache: answers kept for questions, found again for the same question
 * (by the hash of its normalised text) or a similar one (by cosine similarity of the embeddings of
 * the questions as asked, at or above the assistant's threshold). Entries expire after the assistant's {@code cache_ttl_seconds}.
 * Each assistant's live entries are held in memory after its first look-up, so a look-up is one
 * embedding and a scan of vectors; this instance's writes and purges keep that copy exact.
 */
@Service
public class SemanticCache {

    private final SemanticCacheStore store;
    private final QuestionEmbeddings embeddings;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<UUID, List<CachedAnswer>> loaded = new ConcurrentHashMap<>();

    SemanticCache(SemanticCacheStore store, QuestionEmbeddings embeddings) {
        this.store = store;
        this.embeddings = embeddings;
    }

    public CacheLookupResult lookup(AssistantState assistant, String question) {
        String normalised = normalise(question);
        String hash = sha256(normalised);
        Instant now = clock.instant();
        List<CachedAnswer> entries = entriesOf(assistant.id());
        for (CachedAnswer entry : entries) {
            if (entry.questionHash().equals(hash) && entry.isLiveAt(now)) {
                return new CacheLookupResult(true, entry.answer(), 1.0);
            }
        }
        float[] asked = embeddings.embed(question.strip());
        CachedAnswer nearest = null;
        double best = -1;
        for (CachedAnswer entry : entries) {
            if (entry.isLiveAt(now)) {
                double similarity = QuestionEmbeddings.cosine(asked, entry.embedding());
                if (similarity > best) {
                    best = similarity;
                    nearest = entry;
                }
            }
        }
        if (nearest == null) {
            return new CacheLookupResult(false, null, null);
        }
        double similarity = Math.round(best * 10_000) / 10_000.0;
        return best >= assistant.settings().cacheSimilarityThreshold()
                ? new CacheLookupResult(true, nearest.answer(), similarity)
                : new CacheLookupResult(false, null, similarity);
    }

    /** Keeps {@code answer} for {@code question} for the assistant's TTL; true if the question was not cached yet. */
    public boolean put(AssistantState assistant, String question, String answer) {
        String normalised = normalise(question);
        Instant now = clock.instant();
        CachedAnswer entry = new CachedAnswer(assistant.id(), question, sha256(normalised), embeddings.embed(question.strip()),
                answer, now, now.plusSeconds(assistant.settings().cacheTtlSeconds()));
        boolean created = store.put(entry);
        loaded.computeIfPresent(assistant.id(), (id, entries) -> {
            entries.removeIf(cached -> cached.questionHash().equals(entry.questionHash()));
            entries.add(entry);
            return entries;
        });
        return created;
    }

    /** Removes every entry of the assistant; how many there were. */
    public long purge(UUID assistantId) {
        long[] deleted = new long[1];
        loaded.compute(assistantId, (id, entries) -> {
            deleted[0] = store.deleteAll(id);
            return null;
        });
        return deleted[0];
    }

    public long size(UUID assistantId) {
        return store.count(assistantId);
    }

    private List<CachedAnswer> entriesOf(UUID assistantId) {
        return loaded.computeIfAbsent(assistantId, id -> new CopyOnWriteArrayList<>(store.live(id, clock.instant())));
    }

    /** Case, surrounding and repeated blanks and closing punctuation do not make a question different. */
    static String normalise(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s?!.]+$", "");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
