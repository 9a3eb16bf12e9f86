package io.github.assistantsplatform.query.cache;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code semantic_cache} collection: one document per (assistant, normalised question), which is
 * its id; and {@code semantic_cache_generations}: per assistant, a number that every change to its
 * entries increases, so that a replica can tell whether its in-memory copy is still the stored one.
 */
@Component
class SemanticCacheStore {

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> generations;
    private final AtomicBoolean indexed = new AtomicBoolean();

    SemanticCacheStore(MongoDatabase database) {
        this.collection = database.getCollection("semantic_cache");
        this.generations = database.getCollection("semantic_cache_generations");
    }

    /** The generation of the assistant's entries: 0 until they first change. */
    long generation(UUID assistantId) {
        Document stored =
                generations.find(Filters.eq("_id", assistantId.toString())).first();
        return stored == null ? 0 : stored.getLong("generation");
    }

    /** Records that the assistant's entries changed; returns their new generation. */
    long nextGeneration(UUID assistantId) {
        Document next = generations.findOneAndUpdate(
                Filters.eq("_id", assistantId.toString()),
                Updates.inc("generation", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return next.getLong("generation");
    }

    /** Stores the entry, replacing the one for the same question; true if it is new. */
    boolean put(CachedAnswer entry) {
        ensureIndexes();
        Document document = new Document("_id", entry.assistantId() + ":" + entry.questionHash())
                .append("assistant_id", entry.assistantId().toString())
                .append("question", entry.question())
                .append("question_hash", entry.questionHash())
                .append("embedding", new Binary(toBytes(entry.embedding())))
                .append("answer", entry.answer())
                .append("created_at", Date.from(entry.createdAt()))
                .append("expires_at", Date.from(entry.expiresAt()));
        return collection
                        .replaceOne(
                                Filters.eq("_id", document.getString("_id")),
                                document,
                                new ReplaceOptions().upsert(true))
                        .getUpsertedId()
                != null;
    }

    /** Every entry of the assistant still live at {@code now}. */
    List<CachedAnswer> live(UUID assistantId, Instant now) {
        List<CachedAnswer> entries = new ArrayList<>();
        collection
                .find(Filters.and(
                        Filters.eq("assistant_id", assistantId.toString()), Filters.gt("expires_at", Date.from(now))))
                .batchSize(1000)
                .forEach(document -> entries.add(fromDocument(document)));
        return entries;
    }

    /** Deletes every entry of the assistant; how many there were. */
    long deleteAll(UUID assistantId) {
        return collection
                .deleteMany(Filters.eq("assistant_id", assistantId.toString()))
                .getDeletedCount();
    }

    long count(UUID assistantId) {
        return collection.countDocuments(Filters.eq("assistant_id", assistantId.toString()));
    }

    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            collection.createIndex(Indexes.ascending("assistant_id", "expires_at"));
            // MongoDB deletes expired entries by itself; look-ups also skip them until it does
            collection.createIndex(
                    Indexes.ascending("expires_at"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        }
    }

    private static CachedAnswer fromDocument(Document document) {
        float[] embedding = toFloats(document.get("embedding", Binary.class).getData());
        return new CachedAnswer(
                UUID.fromString(document.getString("assistant_id")),
                document.getString("question"),
                document.getString("question_hash"),
                embedding,
                document.getString("answer"),
                document.getDate("created_at").toInstant(),
                document.getDate("expires_at").toInstant());
    }

    /** Embeddings as raw little-endian float32: a third of the size of a BSON array of doubles. */
    private static byte[] toBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    private static float[] toFloats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
