package io.github.assistantsplatform.query.readmodel;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.query.readmodel.AssistantDocuments.StoredAssistant;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The assistants of one read model collection. Deleted assistants stay as tombstones, so replays cannot revive them. */
public class AssistantStore {

    private final MongoCollection<Document> collection;
    /** The same collection, read without decoding: what a read sends is stored as bytes. */
    private final MongoCollection<RawBsonDocument> raw;

    AssistantStore(MongoCollection<Document> collection) {
        this.collection = collection;
        this.raw = collection.withDocumentClass(RawBsonDocument.class);
    }

    public String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    /**
     * The indexes of the list queries (both filters, then the order: name, id), and (id, version) for
     * the projection's conditional replace: redundant on MongoDB, where the id alone finds the document,
     * but the local MongoDB-compatible server uses an index only when its keys are exactly the query's
     * (a plain {@code {_id, version}} document), and scanned the whole collection for every projected
     * event without it (a catch-up on a million events ran at ~200 events/s with 7,000 assistants stored,
     * and slower as they grew; 90% of the server's time in that scan).
     */
    public void ensureIndexes() {
        collection.createIndex(
                Indexes.ascending(AssistantDocuments.DELETED, AssistantDocuments.NAME, AssistantDocuments.ID),
                new IndexOptions().name("visible_by_name"));
        collection.createIndex(
                Indexes.ascending(
                        AssistantDocuments.DELETED,
                        AssistantDocuments.PRIVATE,
                        AssistantDocuments.NAME,
                        AssistantDocuments.ID),
                new IndexOptions().name("public_by_name"));
        collection.createIndex(
                Indexes.ascending(AssistantDocuments.ID, AssistantDocuments.VERSION),
                new IndexOptions().name("id_version").unique(true));
    }

    public Optional<AssistantState> find(UUID id) {
        return Optional.ofNullable(collection
                        .find(Filters.eq(AssistantDocuments.ID, id.toString()))
                        .projection(AssistantDocuments.STATE_FIELDS)
                        .first())
                .map(AssistantDocuments::fromDocument);
    }

    /** The assistant as a read sends it, rendered again if it was stored in an older format. */
    Optional<StoredAssistant> findStored(UUID id) {
        return Optional.ofNullable(raw.find(Filters.eq(AssistantDocuments.ID, id.toString()))
                        .projection(AssistantDocuments.READ_FIELDS)
                        .first())
                .map(AssistantDocuments::stored)
                .map(this::rendered);
    }

    private StoredAssistant rendered(StoredAssistant stored) {
        if (stored.response() != null || stored.deleted()) {
            return stored;
        }
        return find(UUID.fromString(stored.id()))
                .map(state -> new StoredAssistant(
                        stored.id(),
                        AssistantDocuments.render(state),
                        state.version(),
                        state.deleted(),
                        state.settings().userAuthentication()))
                .orElse(stored);
    }

    public Map<UUID, AssistantState> findAll(Collection<UUID> ids) {
        Map<UUID, AssistantState> found = new HashMap<>();
        collection
                .find(Filters.in(
                        AssistantDocuments.ID, ids.stream().map(UUID::toString).toList()))
                .projection(AssistantDocuments.STATE_FIELDS)
                .forEach(document -> {
                    AssistantState state = AssistantDocuments.fromDocument(document);
                    found.put(state.id(), state);
                });
        return found;
    }

    /**
     * A write of {@code next} if the stored state is still the one it was derived from
     * ({@code expectedVersion}, or nothing stored when null).
     */
    record ConditionalWrite(AssistantState next, Long expectedVersion) {}

    /** One conditional write; false when another writer came first. */
    boolean save(AssistantState next, Long expectedVersion) {
        return saveAllIfUnchanged(List.of(new ConditionalWrite(next, expectedVersion)));
    }

    /**
     * Conditional writes in one bulk write; false when another writer came first for any of them
     * (those are left as the other writer left them, the others are written).
     */
    boolean saveAllIfUnchanged(List<ConditionalWrite> writes) {
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        for (ConditionalWrite write : writes) {
            Document document = AssistantDocuments.toDocument(write.next());
            // one plain document, not Filters.and (which the driver sends as $and): the form an index can
            // serve on the MongoDB-compatible server (see ensureIndexes)
            models.add(
                    write.expectedVersion() == null
                            ? new InsertOneModel<>(document)
                            : new ReplaceOneModel<>(
                                    new Document(
                                                    AssistantDocuments.ID,
                                                    write.next().id().toString())
                                            .append(AssistantDocuments.VERSION, write.expectedVersion()),
                                    document));
        }
        try {
            BulkWriteResult result = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Unconditional writes, for a collection that only one writer fills (a rebuild): states whose id is
     * not in {@code stored} are inserted, the others replaced. Inserting spares the server the look-up an
     * upsert makes first (a quarter of the local MongoDB-compatible server's time in a rebuild's profile).
     */
    public void saveAll(Collection<AssistantState> states, Set<UUID> stored) {
        if (states.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        for (AssistantState state : states) {
            Document document = AssistantDocuments.toDocument(state);
            writes.add(
                    stored.contains(state.id())
                            ? new ReplaceOneModel<>(
                                    Filters.eq(AssistantDocuments.ID, state.id().toString()), document)
                            : new InsertOneModel<>(document));
        }
        collection.bulkWrite(writes);
    }

    /** A page of the visible assistants ordered by name then id, and how many there are in all. */
    AssistantPage page(boolean includePrivate, int skip, int limit) {
        Bson visible = includePrivate
                ? Filters.eq(AssistantDocuments.DELETED, false)
                : Filters.and(
                        Filters.eq(AssistantDocuments.DELETED, false), Filters.eq(AssistantDocuments.PRIVATE, false));
        List<byte[]> assistants = new ArrayList<>(limit);
        raw.find(visible)
                .projection(AssistantDocuments.READ_FIELDS)
                .sort(Sorts.ascending(AssistantDocuments.NAME, AssistantDocuments.ID))
                .skip(skip)
                .limit(limit)
                .forEach(document -> assistants.add(
                        rendered(AssistantDocuments.stored(document)).response()));
        return new AssistantPage(assistants, collection.countDocuments(visible));
    }

    public void drop() {
        collection.drop();
    }

    /** @param assistants each as a read sends it (UTF-8 JSON) */
    record AssistantPage(List<byte[]> assistants, long total) {}
}
