package io.github.assistantsplatform.query.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.assistantsplatform.api.cache.CacheLookupResult;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.support.web.EntityTags;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An assistant's semantic cache: answers kept for questions, found again for the same question
 * (by the hash of its normalised text) or a similar one (by cosine similarity of the embeddings of
 * the questions as asked, at or above the assistant's threshold). Entries expire after the assistant's {@code cache_ttl_seconds}.
 * Each assistant's live entries are held in memory after its first look-up, so a look-up is one
 * embedding and a scan of vectors. Every replica holds copies of its own: each copy carries the
 * generation of the entries it was read at, and a look-up reads the stored generation first (one
 * read by id), so that a copy another replica's put, purge or invalidation has made stale is read
 * again instead of answered from. The copies are bounded by their weight on the heap
 * ({@code assistants.semantic-cache.memory}): the assistants looked up least recently are dropped
 * first and read again from MongoDB when needed.
 */
@Service
public class SemanticCache {

    private final SemanticCacheStore store;
    private final QuestionEmbeddings embeddings;
    private final Clock clock = Clock.systemUTC();
    private final Cache<UUID, Copy> loaded;
    private final Counter hits;
    private final Counter misses;
    private final Timer embedding;

    /** An assistant's live entries as stored at {@code generation}. */
    private record Copy(long generation, List<CachedAnswer> entries) {

        int weight() {
            return entries.stream().mapToInt(CachedAnswer::weight).sum();
        }
    }

    SemanticCache(
            SemanticCacheStore store,
            QuestionEmbeddings embeddings,
            SemanticCacheProperties properties,
            MeterRegistry registry) {
        this.store = store;
        this.embeddings = embeddings;
        // the hit ratio is hits / (hits + misses)
        this.hits = Counter.builder("assistants.semantic_cache.lookups")
                .tag("result", "hit")
                .description("look-ups answered from the cache")
                .register(registry);
        this.misses = Counter.builder("assistants.semantic_cache.lookups")
                .tag("result", "miss")
                .description("look-ups the cache had no answer for")
                .register(registry);
        this.embedding = Timer.builder("assistants.semantic_cache.embedding")
                .description("embedding a question, on a look-up that found no exact match and on a put")
                .register(registry);
        this.loaded = Caffeine.newBuilder()
                .maximumWeight(properties.memory().toBytes())
                .weigher((UUID id, Copy copy) -> copy.weight())
                .build();
    }

    /** What the in-memory copies weigh now, in bytes (as {@link CachedAnswer#weight()} counts). */
    long residentWeight() {
        loaded.cleanUp();
        return loaded.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    public CacheLookupResult lookup(AssistantState assistant, String question) {
        String normalised = normalise(question);
        String hash = EntityTags.sha256(normalised);
        Instant now = clock.instant();
        List<CachedAnswer> entries = liveEntriesOf(assistant.id(), now);
        for (CachedAnswer entry : entries) {
            if (entry.questionHash().equals(hash) && entry.isLiveAt(now)) {
                return counted(new CacheLookupResult(true, entry.answer(), 1.0));
            }
        }
        float[] asked = embedding.record(() -> embeddings.embed(question.strip()));
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
            return counted(new CacheLookupResult(false, null, null));
        }
        double similarity = Math.round(best * 10_000) / 10_000.0;
        return counted(
                best >= assistant.settings().cacheSimilarityThreshold()
                        ? new CacheLookupResult(true, nearest.answer(), similarity)
                        : new CacheLookupResult(false, null, similarity));
    }

    private CacheLookupResult counted(CacheLookupResult result) {
        (result.hit() ? hits : misses).increment();
        return result;
    }

    /** Keeps {@code answer} for {@code question} for the assistant's TTL; true if the question was not cached yet. */
    public boolean put(AssistantState assistant, String question, String answer) {
        String normalised = normalise(question);
        Instant now = clock.instant();
        CachedAnswer entry = new CachedAnswer(
                assistant.id(),
                question,
                EntityTags.sha256(normalised),
                embedding.record(() -> embeddings.embed(question.strip())),
                answer,
                now,
                now.plusSeconds(assistant.settings().cacheTtlSeconds()));
        boolean created = store.put(entry);
        long generation = store.nextGeneration(assistant.id());
        // the copy takes the entry if nobody else changed the entries since it was read, else it is read again;
        // a new list, not the old one changed, so that the copy is weighed again
        loaded.asMap()
                .computeIfPresent(
                        assistant.id(),
                        (id, copy) -> copy.generation() != generation - 1
                                ? null
                                : new Copy(
                                        generation,
                                        Stream.concat(
                                                        copy.entries().stream()
                                                                .filter(cached -> !cached.questionHash()
                                                                        .equals(entry.questionHash())),
                                                        Stream.of(entry))
                                                .toList()));
        return created;
    }

    /** Removes every entry of the assistant; how many there were. */
    public long purge(UUID assistantId) {
        long[] deleted = new long[1];
        loaded.asMap().compute(assistantId, (id, copy) -> {
            deleted[0] = store.deleteAll(id);
            store.nextGeneration(id);
            return null;
        });
        return deleted[0];
    }

    public long size(UUID assistantId) {
        return store.count(assistantId);
    }

    /**
     * The assistant's entries live at {@code now}, from the copy if it is of the stored generation;
     * expired ones leave the copy as they are found.
     */
    private List<CachedAnswer> liveEntriesOf(UUID assistantId, Instant now) {
        // the generation before the entries: a change between the two reads leaves a copy older than its generation
        long generation = store.generation(assistantId);
        Copy copy = loaded.getIfPresent(assistantId);
        if (copy == null || copy.generation() != generation) {
            copy = new Copy(generation, List.copyOf(store.live(assistantId, now)));
            loaded.put(assistantId, copy);
        }
        if (copy.entries().stream().allMatch(entry -> entry.isLiveAt(now))) {
            return copy.entries();
        }
        List<CachedAnswer> live =
                copy.entries().stream().filter(entry -> entry.isLiveAt(now)).toList();
        loaded.asMap().replace(assistantId, copy, new Copy(copy.generation(), live));
        return live;
    }

    /** Case, surrounding and repeated blanks and closing punctuation do not make a question different. */
    static String normalise(String question) {
        return question.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[\\s?!.]+$", "");
    }
}
