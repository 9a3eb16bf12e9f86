package com.example.assistants.query.readmodel;

import com.example.assistants.api.assistant.AssistantState;
import com.example.assistants.api.error.AssistantNotFoundException;
import com.example.assistants.support.security.Callers;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.UUID;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Which collection is the read model now. Reads and the projection go to the active collection; a
 * rebuild fills another one and then switches over in one step, so nobody ever reads a half-built model.
 */
@Component
public class ReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    static final String DEFAULT_COLLECTION = "assistants";
    private static final String POINTERS = "read_model_meta";
    private static final String POINTER_ID = "assistants";

    private final MongoDatabase database;
    private final AtomicReference<AssistantStore> active = new AtomicReference<>();

    ReadModel(MongoDatabase database) {
        this.database = database;
    }

    public AssistantStore active() {
        AssistantStore store = active.get();
        if (store == null) {
            // resolved on first use, not at start-up: the service starts (and answers 503) with MongoDB down
            store = store(activeCollectionName());
            store.ensureIndexes();
            active.compareAndSet(null, store);
            store = active.get();
        }
        return store;
    }

    /**
     * The assistant as the caller may see it: not found if unknown or deleted; a private one
     * needs a user (401 for a guest).
     */
    public AssistantState readable(UUID id) {
        AssistantState state = active().find(id)
                .filter(assistant -> !assistant.deleted())
                .orElseThrow(() -> new AssistantNotFoundException(id));
        if (state.settings().userAuthentication() && !Callers.isAuthenticated()) {
            throw new AccessDeniedException("private assistant");
        }
        return state;
    }

    /**
     * A fresh collection for a rebuild, indexed like the active one. Indexed before it is filled: building
     * them after a million-event replay failed on the MongoDB-compatible server ("Chunk 508 not found" from
     * its H2 store).
     */
    public AssistantStore newCollection(String name) {
        AssistantStore store = store(name);
        if (database.listCollectionNames().into(new java.util.ArrayList<>()).contains(name)) {
            store.drop();
        }
        store.ensureIndexes();
        return store;
    }

    /** Makes {@code replacement} the read model and drops the collection it replaces. */
    public void switchTo(AssistantStore replacement) {
        AssistantStore previous = active();
        database.getCollection(POINTERS).replaceOne(Filters.eq("_id", POINTER_ID),
                new Document("_id", POINTER_ID).append("collection", replacement.collectionName()),
                new ReplaceOptions().upsert(true));
        active.set(replacement);
        log.info("Read model switched from {} to {}", previous.collectionName(), replacement.collectionName());
        if (!previous.collectionName().equals(replacement.collectionName())) {
            previous.drop();
        }
    }

    private String activeCollectionName() {
        Document pointer = database.getCollection(POINTERS).find(Filters.eq("_id", POINTER_ID)).first();
        return pointer == null ? DEFAULT_COLLECTION : pointer.getString("collection");
    }

    private AssistantStore store(String name) {
        return new AssistantStore(database.getCollection(name));
    }
}
