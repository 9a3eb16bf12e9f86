package com.example.assistants.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the whole system on this machine with embedded servers, no Docker: PostgreSQL (data kept
 * in the data folder), then each service as a JVM of its own. Ctrl-C stops everything; the next
 * start finds the same data.
 */
public final class LocalStack {

    private final StackSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgres postgres;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        LocalStack stack = new LocalStack(StackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        long started = System.nanoTime();
        stack.start();
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - started));
        Thread.currentThread().join();
    }

    private void start() throws IOException, SQLException {
        Files.createDirectories(settings.dataDirectory());
        String jwtSecret = StackSecrets.jwtSecret(settings.dataDirectory());
        postgres = startPostgres();
        String jdbcUrl = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + StackSettings.DATABASE;

        Map<String, String> common = Map.of(
                "ASSISTANTS_JWT_SECRET", jwtSecret,
                "ASSISTANTS_DB_URL", jdbcUrl,
                "ASSISTANTS_DB_USER", "postgres",
                "ASSISTANTS_DB_PASSWORD", "postgres",
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        ServiceProcess commandService = new ServiceProcess("command-service", settings.serviceJar("command-service"),
                settings.commandServicePort(), settings.logDirectory(),
                merge(common, Map.of("COMMAND_SERVICE_PORT", String.valueOf(settings.commandServicePort()))));
        services.add(commandService);
        commandService.start();
        commandService.awaitHealthy(Duration.ofSeconds(120));
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
        String url = "http://localhost:" + settings.commandServicePort();
        String admin = DevTokens.mint("local-admin", List.of("admin", "user"), settings.dataDirectory());
        String user = DevTokens.mint("local-user", List.of("user"), settings.dataDirectory());
        System.out.printf("""

                Assistants platform is up (%.1f s). Data: %s, logs: %s

                  API          %s/api/v1/assistants
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
                settings.logDirectory().toAbsolutePath(), url, admin, user, url, admin);
    }

    private void stop() {
        log("stopping");
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(30));
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
