package io.github.assistantsplatform.query.readmodel;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.support.security.AssistantVisibility;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which collection is the read model now. Reads and the projection go to the active collection; a
 * rebuild fills another one and then switches over in one step, so nobody ever reads a half-built model.
 * Which one is active is shared by every replica: a pointer document in MongoDB, which each replica
 * reads again once it is older than {@link #FOLLOW_INTERVAL}, so all follow a switch within that time.
 * The collection a switch replaces is dropped only {@link #DROP_DELAY} later, once no replica reads or
 * writes it any more.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    static final String DEFAULT_COLLECTION = "assistants";
    /** Every collection of a rebuild is named so: {@code assistants_<millis>}. */
    public static final String REBUILT_PREFIX = DEFAULT_COLLECTION + "_";

    public static final String META_COLLECTION = "read_model_meta";
    private static final String POINTER_ID = "assistants";
    /** How stale a replica's idea of the active collection may be. */
    public static final Duration FOLLOW_INTERVAL = Duration.ofMillis(500);
    /** How long a replaced collection is kept: far longer than any replica takes to follow, or a read to finish. */
    public static final Duration DROP_DELAY = Duration.ofSeconds(60);

    private final MongoDatabase database;
    private final AtomicReference<Followed> followed = new AtomicReference<>();

    /** The active collection as this replica last read the pointer, and when (System.nanoTime). */
    private record Followed(AssistantStore store, long readAt) {}

    ReadModel(MongoDatabase database) {
        this.database = database;
    }

    /** The active collection, as the pointer named it at most {@link #FOLLOW_INTERVAL} ago. */
    public AssistantStore active() {
        Followed current = followed.get();
        long now = System.nanoTime();
        if (current != null && now - current.readAt() < FOLLOW_INTERVAL.toNanos()) {
            return current.store();
        }
        // read on use, not at start-up: the service starts (and answers 503) with MongoDB down
        String name = activeCollectionName();
        AssistantStore store;
        if (current != null && current.store().collectionName().equals(name)) {
            store = current.store();
        } else {
            store = store(name);
            store.ensureIndexes();
            if (current != null) {
                log.info(
                        "Read model followed the switch from {} to {}",
                        current.store().collectionName(),
                        name);
            }
        }
        followed.set(new Followed(store, now));
        return store;
    }
    /**
     * The assistant as the caller may see it: not found if unknown or deleted; a private one
     * needs a user (401 for a guest).
     */
    public AssistantState readable(UUID id) {
        AssistantState state = active().find(id).orElseThrow(() -> new AssistantNotFoundException(id));
        requireVisible(id, state.deleted(), state.settings().userAuthentication());
        return state;
    }

    /** {@link #readable}, as a read sends it. */
    AssistantDocuments.StoredAssistant readableAsStored(UUID id) {
        AssistantDocuments.StoredAssistant stored =
                active().findStored(id).orElseThrow(() -> new AssistantNotFoundException(id));
        requireVisible(id, stored.deleted(), stored.isPrivate());
        return stored;
    }

    private static void requireVisible(UUID id, boolean deleted, boolean isPrivate) {
        if (!AssistantVisibility.isVisible(deleted, isPrivate)) {
            throw deleted ? new AssistantNotFoundException(id) : new AccessDeniedException("private assistant");
        }
    }

    /**
     * A fresh collection for a rebuild, indexed like the active one. Indexed before it is filled: building
     * them after a million-event replay failed on the MongoDB-compatible server ("Chunk 508 not found" from
     * its H2 store).
     */
    public AssistantStore newCollection(String name) {
        AssistantStore store = store(name);
        if (database.listCollectionNames().into(new ArrayList<>()).contains(name)) {
            store.drop();
        }
        store.ensureIndexes();
        return store;
    }

    /**
     * Makes {@code replacement} the read model for every replica; returns the name of the collection it
     * replaces, which is still read and written until every replica has followed.
     */
    public String switchTo(AssistantStore replacement) {
        String previous = activeCollectionName();
        database.getCollection(META_COLLECTION)
                .replaceOne(
                        Filters.eq("_id", POINTER_ID),
                        new Document("_id", POINTER_ID)
                                .append("collection", replacement.collectionName())
                                .append("replaced", previous)
                                .append("replacedAt", Date.from(Instant.now())),
                        new ReplaceOptions().upsert(true));
        followed.set(new Followed(replacement, System.nanoTime()));
        log.info("Read model switched from {} to {}", previous, replacement.collectionName());
        return previous;
    }

    /** Drops the collection a switch replaced, unless it is active again. */
    public void dropReplaced(String name) {
        if (!name.equals(activeCollectionName())) {
            log.info("Dropping the read model collection {}, replaced {} ago", name, DROP_DELAY);
            database.getCollection(name).drop();
        }
    }

    /**
     * Drops every read model collection but the active one: those switches replaced, and those interrupted
     * rebuilds left. The one the last switch replaced is kept until {@link #DROP_DELAY} after the switch.
     */
    public void dropInactive() {
        Document pointer = pointer();
        String active = pointer == null ? DEFAULT_COLLECTION : pointer.getString("collection");
        String stillRead = pointer != null
                        && pointer.getDate("replacedAt") != null
                        && pointer.getDate("replacedAt")
                                .toInstant()
                                .plus(DROP_DELAY)
                                .isAfter(Instant.now())
                ? pointer.getString("replaced")
                : null;
        for (String name : database.listCollectionNames()) {
            if ((name.equals(DEFAULT_COLLECTION) || name.startsWith(REBUILT_PREFIX))
                    && !name.equals(active)
                    && !name.equals(stillRead)) {
                log.info("Dropping the read model collection {}, not active", name);
                database.getCollection(name).drop();
            }
        }
    }

    private String activeCollectionName() {
        Document pointer = pointer();
        return pointer == null ? DEFAULT_COLLECTION : pointer.getString("collection");
    }

    /** {@code collection}: the active one; {@code replaced}, {@code replacedAt}: what the last switch replaced, and when. */
    private Document pointer() {
        return database.getCollection(META_COLLECTION)
                .find(Filters.eq("_id", POINTER_ID))
                .first();
    }

    private AssistantStore store(String name) {
        return new AssistantStore(database.getCollection(name));
    }
}
