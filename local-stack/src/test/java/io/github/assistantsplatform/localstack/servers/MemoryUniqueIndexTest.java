package io.github.assistantsplatform.localstack.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The local server's unique indexes, kept in memory, refuse a second document with the same key (the
 * {@code _id}'s and one created unique) before and after a restart, and find by key; a file whose indexes an
 * earlier build kept in it opens with them rebuilt from its documents, the stored ones removed.
 */
class MemoryUniqueIndexTest {

    @TempDir
    Path data;

    @Test
    void aKeyIsTakenOnceThroughWritesAndARestart() {
        Path file = data.resolve("read-model.mv");
        try (LocalMongo server = new LocalMongo(file)) {
            MongoCollection<Document> assistants = server.collection("assistants");
            assistants.createIndex(
                    Indexes.ascending("slot"), new IndexOptions().name("slot").unique(true));
            for (int i = 0; i < 50; i++) {
                assistants.insertOne(
                        new Document("_id", "id-" + i).append("slot", i).append("version", 0));
            }
            assistants.updateOne(Filters.eq("_id", "id-3"), Updates.set("version", 1));
            assistants.deleteOne(Filters.eq("_id", "id-4"));

            assertRefusesTakenKeys(assistants);
            assistants.insertOne(new Document("_id", "id-4").append("slot", 4).append("version", 0));
        }
        try (LocalMongo restarted = new LocalMongo(file)) {
            MongoCollection<Document> assistants = restarted.collection("assistants");

            assertRefusesTakenKeys(assistants);
            assertThat(assistants.find(Filters.eq("_id", "id-3")).first()).containsEntry("version", 1);
            assertThat(assistants.countDocuments()).isEqualTo(50);
        }
    }

    @Test
    void aFileWithItsIndexesStoredOpensWithThemBuiltFromItsDocuments() {
        Path file = data.resolve("earlier.mv");
        try (LocalMongo earlier = new LocalMongo(file, H2Backend::new)) {
            MongoCollection<Document> assistants = earlier.collection("assistants");
            assistants.createIndex(
                    Indexes.ascending("_id", "version"),
                    new IndexOptions().name("id_version").unique(true));
            for (int i = 0; i < 20; i++) {
                assistants.insertOne(new Document("_id", "id-" + i).append("version", i));
            }
            assertThat(earlier.store.hasMap("test.assistants._index_id_version"))
                    .isTrue();
        }
        try (LocalMongo server = new LocalMongo(file)) {
            MongoCollection<Document> assistants = server.collection("assistants");

            assertThat(assistants.find(Filters.eq("_id", "id-7")).first()).containsEntry("version", 7);
            assertThatThrownBy(() -> assistants.insertOne(new Document("_id", "id-7").append("version", 0)))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(server.store.hasMap("test.assistants._index_id_version")).isFalse();
            assertThat(server.store.hasMap("test.assistants._index__id_")).isFalse();
        }
    }

    private static void assertRefusesTakenKeys(MongoCollection<Document> assistants) {
        assertThatThrownBy(() -> assistants.insertOne(new Document("_id", "id-1").append("slot", 99)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> assistants.insertOne(new Document("_id", "id-99").append("slot", 1)))
                .isInstanceOf(MongoWriteException.class)
                .hasMessageContaining("duplicate key");
        assertThat(assistants.find(Filters.eq("_id", "id-2")).first()).containsEntry("slot", 2);
        assertThat(assistants.find(Filters.eq("slot", 5)).first()).containsEntry("_id", "id-5");
    }
}
