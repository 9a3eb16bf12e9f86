package io.github.assistantsplatform.localstack.servers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.function.Function;

/** The local stack's MongoDB-compatible server on a file, on a free port, with a client of it. */
final class LocalMongo implements AutoCloseable {

    final MVStore store;
    private final MongoServer server;
    private final MongoClient client;

    LocalMongo(Path file) {
        this(file, MongoServerMain.DurableH2Backend::new);
    }

    /** @param backend the server's backend on the file's store (H2's own, for a file an earlier build wrote) */
    LocalMongo(Path file, Function<MVStore, H2Backend> backend) {
        store = new MVStore.Builder().fileName(file.toString()).open();
        server = new MongoServer(backend.apply(store));
        client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                + server.getLocalAddress().getPort());
    }

    MongoCollection<Document> collection(String name) {
        return client.getDatabase("test").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
        store.close();
    }
}
