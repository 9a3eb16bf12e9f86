package io.github.assistantsplatform.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The embedded PostgreSQL server (a postmaster of its own, started by pg_ctl), durable as production runs it. */
final class PostgresServer implements StackPart {

    private final Path directory;
    private final int port;
    private EmbeddedPostgres server;

    PostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public synchronized void start() throws IOException, SQLException {
        if (server != null) {
            server.close(); // after a crash: releases the data directory's lock (pg_ctl stop finds nothing to stop)
        }
        server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the embedded server's defaults (-F, synchronous_commit=off) acknowledge a commit before it is on
                // disk: a kill -9 of PostgreSQL lost an acknowledged update. Durable, as production runs
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            requireDurableCommits(statement);
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + StackSettings.DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + StackSettings.DATABASE);
                }
            }
        }
    }

    /** The settings as the server applies them: the -F the embedded server passes must have been overridden. */
    private static void requireDurableCommits(Statement statement) throws SQLException {
        try (ResultSet settings =
                statement.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            settings.next();
            if (!"on".equals(settings.getString(1)) || !"on".equals(settings.getString(2))) {
                throw new IllegalStateException(
                        "PostgreSQL runs with fsync=" + settings.getString(1) + " and synchronous_commit="
                                + settings.getString(2) + "; acknowledged writes would not be durable");
            }
        }
    }

    @Override
    public boolean isAlive() {
        long pid = pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's, from the first line of postmaster.pid. */
    @Override
    public long pid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException | RuntimeException notRunning) {
            return -1;
        }
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LocalStack.log("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
            server = null;
        }
    }
}
