package io.github.assistantsplatform.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.github.assistantsplatform.api.assistant.AssistantHistoryEntry;
import io.github.assistantsplatform.api.audit.AuditFilter;
import io.github.assistantsplatform.api.audit.AuditLogEntry;
import io.github.assistantsplatform.audit.StoredEvent;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.model.PlatformJson;
import io.github.assistantsplatform.query.history.HistoryEntries;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audit log's collection: one document per assistant event, keyed by the event's id (so that writing
 * one twice, by the projection and a rebuild, changes nothing), with the fields it is filtered by and the
 * entry rendered. Each filter is an equality followed by the sort on the position, as its index has it.
 */
@Component
public class AuditLog {

    static final String COLLECTION = "audit_log";
    private static final String ENTRY = "entry";
    private static final JsonMapper JSON =
            PlatformJson.conventions(JsonMapper.builder()).build();

    private final MongoCollection<Document> collection;
    private final AtomicBoolean indexed = new AtomicBoolean();

    AuditLog(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** Records assistant events (others are passed over) at their global positions. */
    public void record(List<? extends DomainEventMessage<?>> events, List<Long> positions) {
        ensureIndexes();
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DomainEventMessage<?> event = events.get(i);
            if (event.getPayload() instanceof AssistantEvent) {
                Document document = document(event, positions.get(i));
                writes.add(new ReplaceOneModel<>(
                        Filters.eq("_id", event.getIdentifier()), document, new ReplaceOptions().upsert(true)));
            }
        }
        if (!writes.isEmpty()) {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    long count(AuditFilter filter) {
        return collection.countDocuments(query(filter));
    }

    /** A page, newest first, as one JSON array of the rendered entries. */
    byte[] page(AuditFilter filter, int skip, int limit) {
        ensureIndexes();
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.write('[');
        boolean first = true;
        for (Document document : collection
                .find(query(filter))
                .projection(Projections.include(ENTRY))
                .sort(Sorts.descending("position"))
                .skip(skip)
                .limit(limit)) {
            if (!first) {
                page.write(',');
            }
            page.writeBytes(document.get(ENTRY, Binary.class).getData());
            first = false;
        }
        page.write(']');
        return page.toByteArray();
    }

    /** The filter as MongoDB reads it; each field an equality but the time, a range. */
    private static Bson query(AuditFilter filter) {
        List<Bson> filters = new ArrayList<>();
        if (filter.actor() != null) {
            filters.add(Filters.eq("actor", filter.actor()));
        }
        if (filter.type() != null) {
            filters.add(Filters.eq("type", filter.type()));
        }
        if (filter.assistantId() != null) {
            filters.add(Filters.eq("assistant_id", filter.assistantId().toString()));
        }
        if (filter.from() != null) {
            filters.add(Filters.gte("timestamp", Date.from(filter.from())));
        }
        if (filter.to() != null) {
            filters.add(Filters.lt("timestamp", Date.from(filter.to())));
        }
        return filters.isEmpty() ? new Document() : Filters.and(filters);
    }

    private static Document document(DomainEventMessage<?> event, long position) {
        AssistantHistoryEntry history = HistoryEntries.of(event);
        AuditLogEntry entry = new AuditLogEntry(
                ((AssistantEvent) event.getPayload()).assistantId(),
                position,
                history.sequence(),
                history.type(),
                history.timestamp(),
                history.actor(),
                history.requestId(),
                history.correlationId(),
                history.changes(),
                (String) event.getMetaData().get(StoredEvent.HASH));
        return new Document("_id", event.getIdentifier())
                .append("assistant_id", entry.assistantId().toString())
                .append("position", position)
                .append("type", entry.type())
                .append("actor", entry.actor())
                .append("timestamp", Date.from(entry.timestamp()))
                .append(ENTRY, new Binary(JSON.writeValueAsBytes(entry)));
    }

    private void ensureIndexes() {
        if (indexed.compareAndSet(false, true)) {
            collection.createIndex(Indexes.descending("position"));
            for (String field : List.of("actor", "type", "assistant_id")) {
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending("position")));
            }
        }
    }
}
