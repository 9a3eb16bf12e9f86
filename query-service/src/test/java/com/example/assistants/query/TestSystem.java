package com.example.assistants.query;

import com.example.assistants.command.CommandServiceApplication;
import com.example.assistants.support.test.EmbeddedPostgresServer;
import com.example.assistants.support.test.HttpApi;
import com.example.assistants.support.test.TestTokens;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The servers and the write side that query-service's tests read from, started once per test JVM:
 * one PostgreSQL event store, one MongoDB-compatible server, and the real command-service (its own
 * Spring context and Axon configuration on a random port, so events reach the read side only
 * through the event store, as from another JVM).
 */
public final class TestSystem {

    public static final EmbeddedPostgresServer.Database EVENT_STORE = EmbeddedPostgresServer.newDatabase();
    private static MongoServer mongo;
    private static String mongoUri;
    private static ConfigurableApplicationContext commandService;

    private TestSystem() {
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            mongoUri = mongo.bindAndGetConnectionString();
        }
        return mongoUri;
    }

    /** A client of command-service, the way to write. */
    public static synchronized HttpApi commands() {
        if (commandService == null) {
            commandService = new SpringApplicationBuilder(CommandServiceApplication.class)
                    .properties(CommandServiceApplication.CONFIG_NAME)
                    .run("--server.port=0",
                            "--assistants.jwt.secret=" + TestTokens.SECRET,
                            "--spring.datasource.url=" + EVENT_STORE.url(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres");
        }
        return new HttpApi(((WebServerApplicationContext) commandService).getWebServer().getPort());
    }
}
