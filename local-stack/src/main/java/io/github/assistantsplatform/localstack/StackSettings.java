package io.github.assistantsplatform.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Where the local stack keeps its data and which ports it uses; each can be overridden by environment. */
record StackSettings(
        Path dataDirectory,
        Path repositoryDirectory,
        int postgresPort,
        int mongoPort,
        int kafkaPort,
        int s3Port,
        int gatewayPort,
        int commandServicePort,
        int queryServicePort,
        int avatarServicePort,
        int replicas,
        List<String> serviceJavaOptions,
        Duration startupTimeout) {

    static final String DATABASE = "assistants";
    /** Replica n of a service listens this much times n - 1 above the service's port: 8081, 8091, ... */
    static final int REPLICA_PORT_STEP = 10;

    StackSettings {
        if (replicas < 1 || replicas > 9) {
            throw new IllegalArgumentException("LOCAL_STACK_REPLICAS must be 1..9, not " + replicas);
        }
    }

    static StackSettings fromEnvironment() {
        return new StackSettings(
                Path.of(env("LOCAL_STACK_DATA", ".local-stack")),
                Path.of(env("LOCAL_STACK_HOME", ".")),
                Integer.parseInt(env("LOCAL_STACK_POSTGRES_PORT", "54321")),
                Integer.parseInt(env("LOCAL_STACK_MONGO_PORT", "27018")),
                Integer.parseInt(env("LOCAL_STACK_KAFKA_PORT", "9092")),
                Integer.parseInt(env("LOCAL_STACK_S3_PORT", "9000")),
                Integer.parseInt(env("GATEWAY_PORT", "8080")),
                Integer.parseInt(env("COMMAND_SERVICE_PORT", "8081")),
                Integer.parseInt(env("QUERY_SERVICE_PORT", "8082")),
                Integer.parseInt(env("AVATAR_SERVICE_PORT", "8083")),
                Integer.parseInt(env("LOCAL_STACK_REPLICAS", "1")),
                Arrays.stream(env("LOCAL_STACK_JAVA_OPTIONS", "").trim().split("\\s+"))
                        .filter(option -> !option.isEmpty())
                        .toList(),
                Duration.ofSeconds(Long.parseLong(env("LOCAL_STACK_STARTUP_TIMEOUT", "240"))));
    }

    /** The port of replica {@code replica} (from 1) of the service whose first replica listens on {@code port}. */
    static int replicaPort(int port, int replica) {
        return port + REPLICA_PORT_STEP * (replica - 1);
    }

    /** How the stack names replica {@code replica} of {@code service}: the first by the service's own name. */
    static String replicaName(String service, int replica) {
        return replica == 1 ? service : service + "-" + replica;
    }

    Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    Path mongoFile() {
        return dataDirectory.resolve("mongo").resolve("read-model.mv");
    }

    Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    Path s3Directory() {
        return dataDirectory.resolve("s3");
    }

    Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** The service's executable jar as {@code mvn package} builds it. */
    Path serviceJar(String service) {
        Path jar = repositoryDirectory.resolve(service).resolve("target").resolve(service + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run `mvn -DskipTests package` in the "
                    + "repository first (or set LOCAL_STACK_HOME to the repository)");
        }
        return jar;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
