package com.example.assistants.localstack;

import com.example.assistants.kafka.embedded.KafkaBroker;
import de.bwaldvogel.mongo.MongoServer;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Starts the whole system on this machine with embedded servers, no Docker: PostgreSQL, a
 * MongoDB-compatible server, a Kafka broker and an S3 server (all keeping their data in the data
 * folder), then each service as a JVM of its own. Ctrl-C stops everything; the next
 * start finds the same data.
 */
public final class LocalStack {

    private static final String S3_ACCESS_KEY = "local-stack";
    private static final String S3_SECRET_KEY = "local-stack-secret";

    private final StackSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private MongoServer mongo;
    private KafkaBroker kafka;
    private S3Proxy s3;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(StackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        long started = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException | IOException | SQLException e) {
            log("could not start: " + e.getMessage());
            // the shutdown hook stops whatever did start; servers' threads would otherwise keep this JVM alive
            System.exit(1);
        }
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - started));
        Thread.currentThread().join();
    }

    private void start() throws IOException, SQLException {
        requireFreePorts();
        Files.createDirectories(settings.dataDirectory());
        String jwtSecret = StackSecrets.jwtSecret(settings.dataDirectory());
        kafka = new KafkaBroker(settings.kafkaDirectory(), settings.kafkaPort(), settings.kafkaPort() + 1, kafkaLauncher());
        log("starting Kafka (KRaft) on port " + settings.kafkaPort() + ", data in " + settings.kafkaDirectory());
        CompletableFuture<KafkaBroker> kafkaStarted = CompletableFuture.supplyAsync(kafka::start);
        postgres = startPostgres();
        mongo = startMongo();
        s3 = startS3();
        kafkaStarted.join();
        String jdbcUrl = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + StackSettings.DATABASE;

        Map<String, String> common = Map.of(
                "ASSISTANTS_JWT_SECRET", jwtSecret,
                "ASSISTANTS_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "ASSISTANTS_DB_URL", jdbcUrl,
                "ASSISTANTS_DB_USER", "postgres",
                "ASSISTANTS_DB_PASSWORD", "postgres",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        services.add(new ServiceProcess("command-service", settings.serviceJar("command-service"),
                settings.commandServicePort(), settings.logDirectory(),
                merge(common, Map.of("COMMAND_SERVICE_PORT", String.valueOf(settings.commandServicePort()))),
                settings.serviceJavaOptions()));
        services.add(new ServiceProcess("query-service", settings.serviceJar("query-service"),
                settings.queryServicePort(), settings.logDirectory(),
                merge(common, Map.of("QUERY_SERVICE_PORT", String.valueOf(settings.queryServicePort()),
                        "ASSISTANTS_MONGODB_URI", "mongodb://localhost:" + settings.mongoPort(),
                        "ASSISTANTS_COMMAND_SERVICE_URL", "http://localhost:" + settings.commandServicePort())),
                settings.serviceJavaOptions()));
        services.add(new ServiceProcess("avatar-service", settings.serviceJar("avatar-service"),
                settings.avatarServicePort(), settings.logDirectory(),
                merge(common, Map.of("AVATAR_SERVICE_PORT", String.valueOf(settings.avatarServicePort()),
                        "ASSISTANTS_S3_ENDPOINT", "http://127.0.0.1:" + settings.s3Port(),
                        "ASSISTANTS_S3_ACCESS_KEY", S3_ACCESS_KEY, "ASSISTANTS_S3_SECRET_KEY", S3_SECRET_KEY,
                        "ASSISTANTS_COMMAND_SERVICE_URL", "http://localhost:" + settings.commandServicePort())),
                settings.serviceJavaOptions()));
        services.add(new ServiceProcess("gateway", settings.serviceJar("gateway"), settings.gatewayPort(), settings.logDirectory(),
                Map.of("GATEWAY_PORT", String.valueOf(settings.gatewayPort()),
                        "ASSISTANTS_COMMAND_SERVICE_URL", "http://localhost:" + settings.commandServicePort(),
                        "ASSISTANTS_QUERY_SERVICE_URL", "http://localhost:" + settings.queryServicePort(),
                        "ASSISTANTS_AVATAR_SERVICE_URL", "http://localhost:" + settings.avatarServicePort()),
                settings.serviceJavaOptions()));
        // started together (each takes seconds to boot on two cores), then awaited
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofSeconds(120));
        }
    }

    /**
     * Kafka's main classes are inside this launcher: run from its executable jar they are started
     * through Spring Boot's PropertiesLauncher, from a plain class path directly.
     */
    private static Function<String, List<String>> kafkaLauncher() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return mainClass -> List.of(KafkaBroker.javaExecutable(), "-cp", classPath, "-Dloader.main=" + mainClass,
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return KafkaBroker.classpathLauncher();
    }

    /** S3Proxy on the file system: a real S3 endpoint whose objects are files in the data folder. */
    private S3Proxy startS3() throws IOException {
        Files.createDirectories(settings.s3Directory());
        log("starting the S3 server on port " + settings.s3Port() + ", objects in " + settings.s3Directory());
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", settings.s3Directory().toAbsolutePath().toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", properties))
                .endpoint(URI.create("http://127.0.0.1:" + settings.s3Port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("The S3 server did not start", e);
        }
        return proxy;
    }

    private MongoServer startMongo() throws IOException {
        Files.createDirectories(settings.mongoFile().getParent());
        log("starting the MongoDB-compatible server on port " + settings.mongoPort() + ", data in " + settings.mongoFile());
        MongoServer server = new MongoServer(new H2Backend(settings.mongoFile().toString()));
        server.bind("localhost", settings.mongoPort());
        return server;
    }

    /**
     * Refuses to start next to a stack (or any server) already on one of the ports: the embedded
     * PostgreSQL would otherwise report itself ready on the other one's port, and every service would
     * silently use the other stack's data.
     */
    private void requireFreePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL (LOCAL_STACK_POSTGRES_PORT)", settings.postgresPort());
        ports.put("MongoDB-compatible server (LOCAL_STACK_MONGO_PORT)", settings.mongoPort());
        ports.put("Kafka (LOCAL_STACK_KAFKA_PORT)", settings.kafkaPort());
        ports.put("Kafka's controller (LOCAL_STACK_KAFKA_PORT + 1)", settings.kafkaPort() + 1);
        ports.put("S3 server (LOCAL_STACK_S3_PORT)", settings.s3Port());
        ports.put("gateway (GATEWAY_PORT)", settings.gatewayPort());
        ports.put("command-service (COMMAND_SERVICE_PORT)", settings.commandServicePort());
        ports.put("query-service (QUERY_SERVICE_PORT)", settings.queryServicePort());
        ports.put("avatar-service (AVATAR_SERVICE_PORT)", settings.avatarServicePort());
        ports.forEach((what, port) -> {
            try (ServerSocket probe = new ServerSocket()) {
                // as the servers bind: connections of a stack stopped a moment ago (TIME_WAIT) do not count
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException inUse) {
                throw new IllegalStateException("port " + port + " for the " + what + " is in use: is another local "
                        + "stack running? Stop it, or move this one with the variable named");
            }
        });
    }

    private EmbeddedPostgres startPostgres() throws IOException, SQLException {
        log("starting PostgreSQL on port " + settings.postgresPort() + ", data in " + settings.postgresDirectory());
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(settings.postgresDirectory())
                .setCleanDataDirectory(false)
                .setPort(settings.postgresPort())
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + StackSettings.DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + StackSettings.DATABASE);
                }
            }
        }
        return server;
    }

    private void printWelcome(Duration startup) {
        String url = "http://localhost:" + settings.gatewayPort();
        String admin = DevTokens.mint("local-admin", List.of("admin", "user"), settings.dataDirectory());
        String user = DevTokens.mint("local-user", List.of("user"), settings.dataDirectory());
        System.out.printf("""

                Assistants platform is up (%.1f s). Data: %s, logs: %s

                  API          %s/api/v1/assistants   (everything: writes, reads, history, cache, avatars, admin)
                  services     command :%d, query :%d, avatar :%d; Kafka localhost:%d (topic assistants.events.v1)
                  admin token  %s
                  user token   %s
                  (tokens valid for 24 hours; restart the stack for fresh ones)

                Try:
                  curl -s -X POST %s/api/v1/assistants \\
                    -H "Authorization: Bearer %s" \\
                    -H 'Content-Type: application/json' \\
                    -d '{"name": "Support bot", "model": "gpt-4o"}'

                Ctrl-C stops everything; the next start keeps the data.
                %n""", startup.toMillis() / 1000.0, settings.dataDirectory().toAbsolutePath(),
                settings.logDirectory().toAbsolutePath(), url, settings.commandServicePort(),
                settings.queryServicePort(), settings.avatarServicePort(), settings.kafkaPort(), admin, user, url, admin);
    }

    private void stop() {
        log("stopping");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(30));
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (s3 != null) {
            try {
                s3.stop();
            } catch (Exception e) {
                log("The S3 server did not stop cleanly: " + e.getMessage());
            }
        }
        if (mongo != null) {
            mongo.shutdown();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        log("stopped");
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new java.util.HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
