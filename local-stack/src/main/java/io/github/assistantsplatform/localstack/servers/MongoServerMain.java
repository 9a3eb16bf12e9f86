package io.github.assistantsplatform.localstack.servers;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ProjectedQueries;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The local stack's MongoDB-compatible server, in a JVM of its own: {@code <port> <data file>}.
 * Its H2 store commits once a second by itself; a write is acknowledged here only once it is
 * committed and synced to the file, as a journaled MongoDB acknowledges it.
 */
public final class MongoServerMain {

    private MongoServerMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        DurableH2Backend backend = new DurableH2Backend(
                new MVStore.Builder().fileName(file.toString()).open());
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mongo-shutdown"));
        System.out.println("MongoDB-compatible server on port " + port + ", data in " + file);
        Thread.currentThread().join();
    }

    /**
     * The H2 backend, durable (a write is acknowledged once committed and synced) and with ordered
     * secondary indexes ({@link OrderedIndex}): a find or a count that one of them serves reads the index
     * instead of scanning and sorting the collection. Every index lives in memory (unique ones too, {@link
     * MemoryUniqueIndex}), built from the documents when a collection opens; the file holds the documents.
     */
    static final class DurableH2Backend extends H2Backend {

        private static final Set<String> WRITES = Set.of(
                "insert",
                "update",
                "delete",
                "findandmodify",
                "createindexes",
                "dropindexes",
                "drop",
                "dropdatabase",
                "create",
                "renamecollection");

        DurableH2Backend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateSecondaryIndex(
                        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    return new OrderedIndex(indexName, keys, sparse);
                }

                @Override
                protected Index<Object> openOrCreateUniqueIndex(
                        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
                    // an earlier build kept it in the file (as H2's backend names it): built in memory instead now
                    String stored = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
                    if (getMvStore().hasMap(stored)) {
                        getMvStore().removeMap(stored);
                    }
                    return new MemoryUniqueIndex(indexName, keys, sparse);
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document served = switch (command.toLowerCase(Locale.ROOT)) {
                case "find" -> findFromIndex(database, query);
                case "aggregate" -> countFromIndex(database, query);
                case "explain" -> explain(database, query);
                default -> null;
            };
            if (served != null) {
                return served;
            }
            Document answer = super.handleCommand(channel, database, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                getMvStore().commit();
                getMvStore().sync();
            }
            return answer;
        }

        /**
         * A find an ordered index serves: the page's ids from the index, then those documents by {@code _id}
         * (one look-up each), under the collection's lock so that no write comes between the two.
         */
        private Document findFromIndex(String database, Document find) {
            return servedFind(database, find, (collection, index, page) -> {
                List<Document> documents = new ArrayList<>();
                collection
                        .handleQuery(ProjectedQueries.of(
                                new Document("$query", new Document("_id", new Document("$in", page.ids())))
                                        .append("$orderby", page.sort()),
                                page.projection()))
                        .forEach(documents::add);
                return firstBatch(collection, documents);
            });
        }

        /**
         * The plan of a find, in MongoDB's explain form: an index scan where an ordered index serves it,
         * else a collection scan (and a sort in memory), so that a test can check which one a query gets.
         */
        private Document explain(String database, Document explain) {
            if (!(explain.get("explain") instanceof Document find) || !find.containsKey("find")) {
                return null;
            }
            Document served = servedFind(
                    database,
                    find,
                    (collection, index, page) -> plan(
                            collection,
                            new Document("stage", "FETCH")
                                    .append(
                                            "inputStage",
                                            new Document("stage", "IXSCAN")
                                                    .append("indexName", index.getName())
                                                    .append(
                                                            "keyPattern",
                                                            index.toIndexDescription()
                                                                    .get("key")))));
            if (served != null) {
                return served;
            }
            MongoCollection<Object> collection = collection(database, find.get("find"));
            Document scan = new Document("stage", "COLLSCAN");
            return collection == null
                    ? null
                    : plan(
                            collection,
                            find.get("sort") instanceof Document sort && !sort.isEmpty()
                                    ? new Document("stage", "SORT").append("inputStage", scan)
                                    : scan);
        }

        private static Document plan(MongoCollection<Object> collection, Document winningPlan) {
            Document answer = new Document(
                    "queryPlanner",
                    new Document("namespace", collection.getFullName()).append("winningPlan", winningPlan));
            Utils.markOkay(answer);
            return answer;
        }

        /** A page of a find, as an ordered index gives it. */
        private record Page(List<Object> ids, Document sort, Document projection) {}

        private interface ServedFind {
            Document answer(MongoCollection<Object> collection, OrderedIndex index, Page page);
        }

        /** {@code answer}'s, under the collection's lock, if one of its ordered indexes serves {@code find}; else null. */
        private Document servedFind(String database, Document find, ServedFind answer) {
            MongoCollection<Object> collection = collection(database, find.get("find"));
            if (collection == null) {
                return null;
            }
            Document projection = find.get("projection") instanceof Document given ? given : null;
            Document filter = find.get("filter") instanceof Document given ? given : new Document();
            Document sort = find.get("sort") instanceof Document given ? given : new Document();
            int skip = find.get("skip") instanceof Number given ? given.intValue() : 0;
            int limit = find.get("limit") instanceof Number given ? Math.abs(given.intValue()) : 0;
            synchronized (collection) {
                for (Index<Object> index : collection.getIndexes()) {
                    if (index instanceof OrderedIndex ordered) {
                        Optional<List<Object>> ids = ordered.ids(filter, sort, skip, limit);
                        if (ids.isPresent()) {
                            return answer.answer(collection, ordered, new Page(ids.get(), sort, projection));
                        }
                    }
                }
            }
            return null;
        }

        /** The driver's countDocuments ({@code $match}, then {@code $group} of 1 summing 1) when an index serves the match. */
        private Document countFromIndex(String database, Document aggregate) {
            if (!(aggregate.get("pipeline") instanceof List<?> pipeline)
                    || pipeline.size() != 2
                    || !(pipeline.get(0) instanceof Document match)
                    || !(match.get("$match") instanceof Document filter)
                    || match.size() != 1
                    || !COUNT_GROUP.equals(pipeline.get(1))) {
                return null;
            }
            MongoCollection<Object> collection = collection(database, aggregate.get("aggregate"));
            if (collection == null) {
                return null;
            }
            synchronized (collection) {
                for (Index<Object> index : collection.getIndexes()) {
                    if (index instanceof OrderedIndex ordered) {
                        Optional<Long> count = ordered.count(filter);
                        if (count.isPresent()) {
                            return firstBatch(
                                    collection,
                                    count.get() == 0
                                            ? List.of()
                                            : List.of(
                                                    new Document("_id", 1).append("n", Math.toIntExact(count.get()))));
                        }
                    }
                }
            }
            return null;
        }

        private static final Document COUNT_GROUP =
                new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)));

        @SuppressWarnings("unchecked")
        private MongoCollection<Object> collection(String database, Object name) {
            if (!(name instanceof String collectionName)
                    || !getMvStore().hasMap("databases." + database + "." + collectionName)) {
                return null;
            }
            return (MongoCollection<Object>) resolveDatabase(database).resolveCollection(collectionName, false);
        }

        private static Document firstBatch(MongoCollection<Object> collection, List<Document> documents) {
            Document response = new Document(
                    "cursor",
                    new Document("id", 0L)
                            .append("ns", collection.getFullName())
                            .append("firstBatch", documents));
            Utils.markOkay(response);
            return response;
        }
    }
}
