package io.github.assistantsplatform.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.github.assistantsplatform.query.QueryServiceTest;
import io.github.assistantsplatform.query.TestSystem;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A page and its count must be served by an index, on MongoDB as on the local server: the queries a page
 * sends over the wire are held against the index definitions the collection has, by MongoDB's rule for an
 * index that answers a query in order without a sort stage (its keys are the query's equality fields, in any
 * order, then the sort's keys in the sort's order and directions). The local server's planner follows the
 * same rule (its explain is checked in local-stack's {@code OrderedIndexTest}).
 */
class PageIndexTest extends QueryServiceTest {

    @Autowired
    ReadModel readModel;

    @Value("${assistants.mongodb.database}")
    String database;

    @Test
    void aGuestsPageAndAnAdminsAreEachReadFromAnIndexInTheirOrder() {
        create(Map.of("name", "Indexed"));
        List<BsonDocument> sent = new CopyOnWriteArrayList<>();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.add(event.getCommand().clone());
            }
        };
        Map<String, String> served = new LinkedHashMap<>();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestSystem.SHARED.mongoUri()))
                .addCommandListener(recorder)
                .build())) {
            var collection = client.getDatabase(database)
                    .getCollection(readModel.active().collectionName());
            AssistantStore store = new AssistantStore(collection);
            List<Document> indexes = collection.listIndexes().into(new ArrayList<>());
            for (boolean admin : List.of(false, true)) {
                sent.clear();
                store.page(admin, 0, 10);
                for (BsonDocument command : sent) {
                    served.put(
                            (admin ? "admin " : "guest ") + command.getFirstKey(),
                            servingIndex(command, indexes).orElse("none"));
                }
            }
        }

        assertThat(served)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "guest find", "public_by_name",
                        "guest aggregate", "public_by_name",
                        "admin find", "visible_by_name",
                        "admin aggregate", "visible_by_name"));
    }

    /** The index that serves a find (filter, sort) or a count (an aggregate's first {@code $match}), if one does. */
    private static Optional<String> servingIndex(BsonDocument command, List<Document> indexes) {
        BsonDocument filter = command.containsKey("filter")
                ? command.getDocument("filter")
                : command.getArray("pipeline").get(0).asDocument().getDocument("$match");
        Set<String> equalities = equalityFields(filter);
        BsonDocument sort = command.containsKey("sort") ? command.getDocument("sort") : new BsonDocument();
        return indexes.stream()
                .filter(index -> serves(index.get("key", Document.class), equalities, sort))
                .map(index -> index.getString("name"))
                .findFirst();
    }

    private static boolean serves(Document key, Set<String> equalities, BsonDocument sort) {
        List<String> fields = new ArrayList<>(key.keySet());
        if (fields.size() < equalities.size() + sort.size()
                || !Set.copyOf(fields.subList(0, equalities.size())).equals(equalities)) {
            return false;
        }
        List<String> sortFields = new ArrayList<>(sort.keySet());
        for (int i = 0; i < sortFields.size(); i++) {
            String field = fields.get(equalities.size() + i);
            if (!field.equals(sortFields.get(i))
                    || ((Number) key.get(field)).intValue()
                            != sort.getNumber(field).intValue()) {
                return false;
            }
        }
        return true;
    }

    /** The fields a filter fixes to one value ({@code {f: v}}, {@code {f: {$eq: v}}}, under {@code $and}), or none if it does more. */
    private static Set<String> equalityFields(BsonDocument filter) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, BsonValue> condition : filter.entrySet()) {
            if (condition.getKey().equals("$and")) {
                condition.getValue().asArray().forEach(part -> fields.addAll(equalityFields(part.asDocument())));
            } else if (condition.getValue().isDocument()
                    && !condition.getValue().asDocument().keySet().equals(Set.of("$eq"))) {
                throw new AssertionError("not an equality: " + condition);
            } else {
                fields.add(condition.getKey());
            }
        }
        return Set.copyOf(fields);
    }
}
