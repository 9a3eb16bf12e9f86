package io.github.assistantsplatform.localstack.servers;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The local MongoDB-compatible server's ordered indexes answer a page and a count as the server's own
 * scan does, through inserts, updates, deletes and a restart (the index is rebuilt from the stored
 * documents).
 */
class OrderedIndexTest {

    private static final Bson SORT = Sorts.ascending("settings.name", "_id");

    @TempDir
    Path data;

    private final Random random = new Random(17);
    private final List<Document> stored = new ArrayList<>();

    @Test
    void pagesAndCountsServedFromTheIndexAreTheScansAnswers() {
        Path file = data.resolve("read-model.mv");
        try (LocalMongo server = new LocalMongo(file)) {
            MongoCollection<Document> indexed = server.collection("indexed");
            indexed.createIndex(
                    Indexes.ascending("deleted", "settings.user_authentication", "settings.name", "_id"),
                    new IndexOptions().name("public_by_name"));
            indexed.createIndex(
                    Indexes.ascending("deleted", "settings.name"), new IndexOptions().name("visible_by_name"));
            for (int i = 0; i < 300; i++) {
                Document document = new Document("_id", "id-" + i)
                        .append("deleted", random.nextInt(5) == 0)
                        .append(
                                "settings",
                                new Document("name", "Assistant " + random.nextInt(60))
                                        .append("user_authentication", random.nextBoolean()));
                indexed.insertOne(document);
                stored.add(document);
            }
            assertServedLikeAScan(indexed);

            for (int i = 0; i < 300; i += 7) {
                String name = "Renamed " + random.nextInt(60);
                indexed.updateOne(Filters.eq("_id", "id-" + i), Updates.set("settings.name", name));
                stored.get(i).get("settings", Document.class).put("name", name);
                indexed.updateOne(Filters.eq("_id", "id-" + (i + 1)), Updates.set("deleted", true));
                stored.get(i + 1).put("deleted", true);
            }
            for (int i = 2; i < 300; i += 11) {
                indexed.deleteOne(Filters.eq("_id", "id-" + i));
                String id = "id-" + i;
                stored.removeIf(document -> document.getString("_id").equals(id));
            }
            assertServedLikeAScan(indexed);
        }
        try (LocalMongo restarted = new LocalMongo(file)) {
            assertServedLikeAScan(restarted.collection("indexed"));
        }
    }

    /** Each page of both filters (one plain, one an {@code $and}) and the counts against the expected ones. */
    private void assertServedLikeAScan(MongoCollection<Document> indexed) {
        Predicate<Document> visible = document -> !document.getBoolean("deleted");
        Predicate<Document> isPublic = visible.and(
                document -> !document.get("settings", Document.class).getBoolean("user_authentication"));
        Bson visibleFilter = Filters.eq("deleted", false);
        Bson publicFilter =
                Filters.and(Filters.eq("deleted", false), Filters.eq("settings.user_authentication", false));
        assertThat(plan(indexed.find(publicFilter).sort(SORT).limit(10))).isEqualTo("IXSCAN public_by_name");
        // visible_by_name ends before _id: the order it gives is not the whole sort, so the server scans
        assertThat(plan(indexed.find(visibleFilter).sort(SORT).limit(10))).isEqualTo("SORT COLLSCAN");
        assertThat(plan(indexed.find(visibleFilter).sort(Sorts.ascending("settings.name"))))
                .isEqualTo("IXSCAN visible_by_name");
        assertThat(ids(indexed, publicFilter, 0, 1000)).isEqualTo(expected(isPublic, 0, 1000));
        assertThat(indexed.find(publicFilter)
                        .projection(Projections.include("settings.name"))
                        .sort(SORT)
                        .limit(3)
                        .map(Document::keySet))
                .containsOnly(Set.of("_id", "settings"));
        for (int skip = 0; skip < 260; skip += 25) {
            assertThat(ids(indexed, publicFilter, skip, 10)).isEqualTo(expected(isPublic, skip, 10));
            assertThat(ids(indexed, visibleFilter, skip, 10)).isEqualTo(expected(visible, skip, 10));
        }
        assertThat(indexed.countDocuments(publicFilter))
                .isEqualTo(stored.stream().filter(isPublic).count());
        assertThat(indexed.countDocuments(visibleFilter))
                .isEqualTo(stored.stream().filter(visible).count());
    }

    /** The stages of a find's winning plan that say how it reads: scans, sorts, and the index used. */
    private static String plan(FindIterable<Document> find) {
        List<String> stages = new ArrayList<>();
        Document stage = find.explain().get("queryPlanner", Document.class).get("winningPlan", Document.class);
        while (stage != null) {
            String name = stage.getString("stage");
            if (!name.equals("FETCH") && !name.equals("LIMIT") && !name.equals("SKIP")) {
                stages.add(name.equals("IXSCAN") ? name + " " + stage.getString("indexName") : name);
            }
            stage = stage.get("inputStage", Document.class);
        }
        return String.join(" ", stages);
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter, int skip, int limit) {
        List<String> ids = new ArrayList<>();
        collection
                .find(filter)
                .sort(SORT)
                .skip(skip)
                .limit(limit)
                .forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    private List<String> expected(Predicate<Document> filter, int skip, int limit) {
        return stored.stream()
                .filter(filter)
                .sorted(Comparator.comparing((Document document) ->
                                document.get("settings", Document.class).getString("name"))
                        .thenComparing(document -> document.getString("_id")))
                .skip(skip)
                .limit(limit)
                .map(document -> document.getString("_id"))
                .toList();
    }
}
