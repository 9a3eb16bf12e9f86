package io.github.assistantsplatform.query.rebuild;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.github.assistantsplatform.query.readmodel.ReadModel;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The one rebuild of all replicas: its progress is a document in MongoDB ({@code read_model_meta},
 * {@code _id: "rebuild"}) that any replica reads, claimed by the replica that runs it and kept fresh
 * by it as it goes. A rebuild whose replica stopped updating it for {@link #ABANDONED_AFTER} (the
 * replica died) is reported as failed, and another may start.
 */
@Component
class ClusterRebuild {

    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    private static final String ID = "rebuild";

    private final MongoCollection<Document> meta;
    private final String replica = UUID.randomUUID().toString();
    private final Clock clock = Clock.systemUTC();

    ClusterRebuild(MongoDatabase database) {
        this.meta = database.getCollection(ReadModel.META_COLLECTION);
    }

    /** Claims the rebuild for this replica, recording {@code started}; false while another one runs. */
    boolean claim(RebuildProgress started) {
        try {
            meta.insertOne(document(started).append("_id", ID));
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        // one conditional write: of two replicas claiming at once, one matches
        return meta.replaceOne(
                                Filters.and(
                                        Filters.eq("_id", ID),
                                        Filters.or(
                                                Filters.ne("state", RebuildProgress.State.RUNNING.name()),
                                                Filters.lt(
                                                        "updated_at",
                                                        Date.from(
                                                                clock.instant().minus(ABANDONED_AFTER))))),
                                document(started))
                        .getModifiedCount()
                == 1;
    }

    /** Records this replica's progress; throws if another replica has taken the rebuild over meanwhile. */
    void record(RebuildProgress progress) {
        if (meta.replaceOne(Filters.and(Filters.eq("_id", ID), Filters.eq("replica", replica)), document(progress))
                        .getMatchedCount()
                == 0) {
            throw new IllegalStateException(
                    "another replica took this rebuild over (it was not updated for " + ABANDONED_AFTER + ")");
        }
    }

    /** The current or last rebuild, as whichever replica runs or ran it recorded it. */
    RebuildProgress current() {
        Document stored = meta.find(Filters.eq("_id", ID)).first();
        if (stored == null) {
            return RebuildProgress.IDLE;
        }
        RebuildProgress progress = new RebuildProgress(
                RebuildProgress.State.valueOf(stored.getString("state")),
                stored.getString("collection"),
                stored.getLong("events_done"),
                stored.getLong("head_position"),
                instant(stored, "started_at"),
                instant(stored, "finished_at"),
                stored.getString("error"));
        Instant updated = instant(stored, "updated_at");
        if (progress.state() == RebuildProgress.State.RUNNING
                && updated.isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            return new RebuildProgress(
                    RebuildProgress.State.FAILED,
                    progress.collection(),
                    progress.eventsDone(),
                    progress.headPosition(),
                    progress.startedAt(),
                    updated,
                    "abandoned: its replica stopped at " + updated);
        }
        return progress;
    }

    private Document document(RebuildProgress progress) {
        return new Document("state", progress.state().name())
                .append("collection", progress.collection())
                .append("events_done", progress.eventsDone())
                .append("head_position", progress.headPosition())
                .append("started_at", date(progress.startedAt()))
                .append("finished_at", date(progress.finishedAt()))
                .append("error", progress.error())
                .append("replica", replica)
                .append("updated_at", Date.from(clock.instant()));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
