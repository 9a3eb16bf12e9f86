package io.github.assistantsplatform.query;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.assistantsplatform.command.CommandServiceApplication;
import io.github.assistantsplatform.support.test.EmbeddedPostgresServer;
import io.github.assistantsplatform.support.test.HttpApi;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestServices;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers and the write side that query-service reads from: a PostgreSQL event store, a
 * MongoDB-compatible server, and the real command-service (its own Spring context and Axon
 * configuration on a random port, so events reach the read side only through the event store, as
 * from another JVM). Most tests share {@link #SHARED}; a test that breaks a server gets its own.
 */
public final class TestSystem {

    public static final TestSystem SHARED = new TestSystem();

    private final EmbeddedPostgresServer.Database eventStore = EmbeddedPostgresServer.newDatabase();
    private MongoServer mongo;
    private InetSocketAddress mongoAddress;
    private ConfigurableApplicationContext commandService;

    /** Points query-service at this system's event store and MongoDB. */
    public void configure(DynamicPropertyRegistry registry) {
        eventStore.configure(registry);
        registry.add("assistants.mongodb.uri", this::mongoUri);
        registry.add(
                "assistants.kafka.bootstrap-servers", () -> TestKafka.broker().bootstrapServers());
        registry.add("assistants.command-service.url", () -> "http://localhost:" + commandServicePort());
    }

    public synchronized String mongoUri() {
        if (mongo == null) {
            startMongo(0);
        }
        return "mongodb://localhost:" + mongoAddress.getPort();
    }

    /** Stops MongoDB: every connection drops, the data is gone (the read model must rebuild what it needs). */
    public synchronized void stopMongo() {
        mongo.shutdownNow();
    }

    /** Configures query-service with a MongoDB that is not there yet ({@link #restartMongo()} starts it). */
    public synchronized TestSystem withMongoDownAtStart() {
        startMongo(0);
        stopMongo();
        return this;
    }

    /** Starts an empty MongoDB on the same port. */
    public synchronized void restartMongo() {
        startMongo(mongoAddress.getPort());
    }

    private void startMongo(int port) {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("localhost", port);
        mongoAddress = mongo.getLocalAddress();
    }

    /**
     * One more query-service on this system, on a random port, claiming processor segments as
     * {@code nodeId}: a replica of the one a test class starts, or one of several a test starts
     * itself. The caller closes it.
     */
    public ConfigurableApplicationContext startQueryService(String nodeId) {
        List<String> arguments = new ArrayList<>(List.of(eventStore.arguments()));
        arguments.addAll(List.of(
                "--assistants.event-store.node-id=" + nodeId,
                "--assistants.mongodb.uri=" + mongoUri(),
                "--assistants.command-service.url=http://localhost:" + commandServicePort()));
        return TestServices.start(
                QueryServiceApplication.class, QueryServiceApplication.CONFIG_NAME, arguments.toArray(String[]::new));
    }

    /** A client of command-service, the way to write. */
    public HttpApi commands() {
        return new HttpApi(commandServicePort());
    }

    private synchronized int commandServicePort() {
        if (commandService == null) {
            List<String> arguments = new ArrayList<>(List.of(eventStore.arguments()));
            // no anchors: this command-service has no bucket to put them in
            arguments.add("--assistants.audit.anchor-interval=1h");
            commandService = TestServices.start(
                    CommandServiceApplication.class,
                    CommandServiceApplication.CONFIG_NAME,
                    arguments.toArray(String[]::new));
        }
        return TestServices.portOf(commandService);
    }
}
