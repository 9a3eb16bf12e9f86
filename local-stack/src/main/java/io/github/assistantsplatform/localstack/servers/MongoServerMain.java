package io.github.assistantsplatform.localstack.servers;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document answer = super.handleCommand(channel, database, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                getMvStore().commit();
                getMvStore().sync();
            }
            return answer;
        }
    }
}
