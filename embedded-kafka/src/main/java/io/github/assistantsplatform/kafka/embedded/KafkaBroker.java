package io.github.assistantsplatform.kafka.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real Kafka broker (KRaft, one node as broker and controller) in a JVM of its own, with its data
 * in a folder, so that it survives a restart. Kafka's own test broker does not run with Kafka 4.3;
 * this one is {@code kafka.Kafka} as an operator would run it.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Function<String, List<String>> javaCommand;
    private Process process;

    /**
     * @param javaCommand how to run a main class of Kafka's with this JVM's libraries: the command
     *                    line up to and including the class (see {@link #classpathLauncher()})
     */
    public KafkaBroker(Path directory, int port, int controllerPort, Function<String, List<String>> javaCommand) {
        this.directory = directory.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.javaCommand = javaCommand;
    }

    /** A broker in a temporary folder on free ports, run from this JVM's class path: for tests. */
    public static KafkaBroker temporary() {
        try {
            return new KafkaBroker(
                    Files.createTempDirectory("kafka-broker"), freePort(), freePort(), classpathLauncher());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a main class with this JVM's java and class path. */
    public static Function<String, List<String>> classpathLauncher() {
        return mainClass -> List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"), mainClass);
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized KafkaBroker start() {
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                format(config);
            }
            List<String> command = new ArrayList<>(jvm("kafka.Kafka"));
            command.add(config.toString());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .start();
            awaitReady(Duration.ofSeconds(90));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The broker's process id, -1 when it is not running. */
    public synchronized long pid() {
        return isAlive() ? process.pid() : -1;
    }

    /** Stops the broker as an operator would (SIGTERM, controlled shutdown); the data stays. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        Path config = directory.resolve("server.properties");
        String properties = String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + directory.resolve("data"),
                "num.partitions=3",
                "message.max.bytes=" + (8 * 1024 * 1024),
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // one node: no replica to fall back on, so an acknowledged record must be on disk (every append
                // flushed)
                "log.flush.interval.messages=1",
                "");
        Files.writeString(config, properties, StandardCharsets.UTF_8);
        return config;
    }

    private void format(Path config) throws IOException {
        List<String> command = new ArrayList<>(jvm("kafka.tools.StorageTool"));
        command.addAll(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone"));
        Process formatting = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("format.log").toFile()))
                .start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException(
                        "Formatting Kafka's storage failed; see " + directory.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> jvm(String mainClass) {
        List<String> command = new ArrayList<>(javaCommand.apply(mainClass));
        // the JVM options go right after the java executable. C1 only: for a broker of tests and of the local
        // stack, C2's compilations cost more than they gain (37% of the broker's CPU in the write benchmark's profile)
        command.addAll(1, List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN"));
        return command;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                2000))) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka exited with " + process.exitValue() + "; see " + directory.resolve("broker.log"));
                }
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // still starting
                }
            }
        }
        throw new IllegalStateException(
                "Kafka did not start within " + timeout.toSeconds() + " s; see " + directory.resolve("broker.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
