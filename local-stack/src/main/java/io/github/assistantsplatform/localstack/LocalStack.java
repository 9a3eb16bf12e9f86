package io.github.assistantsplatform.localstack;

import io.github.assistantsplatform.kafka.embedded.KafkaBroker;
import io.github.assistantsplatform.localstack.servers.MongoServerMain;
import io.github.assistantsplatform.localstack.servers.S3ServerMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Starts the whole system on this machine with embedded servers, no Docker: PostgreSQL, a
 * MongoDB-compatible server, a Kafka broker and an S3 server (all keeping their data in the data
 * folder), then each service, every one a process of its own. A process that dies is started again
 * (as a container runtime's restart policy would); {@code stop <part>} and {@code start <part>} on
 * standard input hold one down and let it up again, {@code pids} in the data folder names each
 * part's process and {@code ports} each service's port. Ctrl-C stops everything; the next start
 * finds the same data.
 */
public final class LocalStack {

    private static final String S3_ACCESS_KEY = "local-stack";
    private static final String S3_SECRET_KEY = "local-stack-secret";
    private static final Duration WATCH_INTERVAL = Duration.ofMillis(500);
    private static final long LAUNCHER_HEAP_WARNING = 512L * 1024 * 1024;

    private final StackSettings settings;
    private final List<StackPart> parts = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Set<String> heldDown = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    private LocalStack(StackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.getRuntime().maxMemory() > LAUNCHER_HEAP_WARNING) {
            log("started without a heap limit: this launcher may grow to a quarter of the machine's memory "
                    + "(it holds no data; the README's command gives it -Xmx128m)");
        }
        LocalStack stack = new LocalStack(StackSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        long started = System.nanoTime();
        try {
            stack.start();
        } catch (Exception e) {
            log("could not start: " + e.getMessage());
            // the shutdown hook stops whatever did start; servers' threads would otherwise keep this JVM alive
            System.exit(1);
        }
        stack.printWelcome(Duration.ofNanos(System.nanoTime() - started));
        stack.superviseParts();
        stack.followControlCommands();
        Thread.currentThread().join();
    }

    private void start() throws Exception {
        requireFreePorts();
        Files.createDirectories(settings.dataDirectory());
        String jwtSecret = StackSecrets.jwtSecret(settings.dataDirectory());
        Function<String, List<String>> launcher = childJvmLauncher();
        KafkaServer kafka = new KafkaServer(
                new KafkaBroker(settings.kafkaDirectory(), settings.kafkaPort(), settings.kafkaPort() + 1, launcher));
        PostgresServer postgres = new PostgresServer(settings.postgresDirectory(), settings.postgresPort());
        ChildServer mongo = new ChildServer(
                "mongo",
                MongoServerMain.class,
                List.of(
                        String.valueOf(settings.mongoPort()),
                        settings.mongoFile().toAbsolutePath().toString()),
                // C2: the server's query engine scans and sorts in Java (a list page ran 3x slower on C1 only).
                // 1 GiB: its indexes live in the heap, and a million events' audit log (five index entries an
                // event) filled 512 MiB: full collections back to back, the projections' writes timing out
                List.of("-Xmx1g", "-XX:+UseSerialGC"),
                settings.mongoPort(),
                settings.logDirectory().resolve("mongo.log"),
                launcher);
        ChildServer s3 = new ChildServer(
                "s3",
                S3ServerMain.class,
                List.of(
                        String.valueOf(settings.s3Port()),
                        settings.s3Directory().toAbsolutePath().toString(),
                        S3_ACCESS_KEY,
                        S3_SECRET_KEY),
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                settings.s3Port(),
                settings.logDirectory().resolve("s3.log"),
                launcher);
        parts.addAll(List.of(kafka, postgres, mongo, s3));
        log("starting Kafka (KRaft) on port " + settings.kafkaPort() + ", data in " + settings.kafkaDirectory());
        log("starting PostgreSQL on port " + settings.postgresPort() + ", data in " + settings.postgresDirectory());
        log("starting the MongoDB-compatible server on port " + settings.mongoPort() + ", data in "
                + settings.mongoFile());
        log("starting the S3 server on port " + settings.s3Port() + ", objects in " + settings.s3Directory());
        // together: each is a process of its own that takes seconds to start
        CompletableFuture.allOf(parts.stream()
                        .map(part -> CompletableFuture.runAsync(() -> {
                            try {
                                part.start();
                            } catch (Exception e) {
                                throw new IllegalStateException(part.name() + ": " + e.getMessage(), e);
                            }
                        }))
                        .toArray(CompletableFuture[]::new))
                .join();
        String jdbcUrl = "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + StackSettings.DATABASE;

        Map<String, String> common = Map.of(
                "ASSISTANTS_JWT_SECRET",
                jwtSecret,
                "ASSISTANTS_KAFKA_BOOTSTRAP_SERVERS",
                kafka.bootstrapServers(),
                "ASSISTANTS_DB_URL",
                jdbcUrl,
                "ASSISTANTS_DB_USER",
                "postgres",
                "ASSISTANTS_DB_PASSWORD",
                "postgres",
                "AXONIQ_UPDATE_CHECKER_DISABLED",
                "true");
        // command-service writes the audit's anchors, avatar-service the avatars
        Map<String, String> s3Access = Map.of(
                "ASSISTANTS_S3_ENDPOINT",
                "http://127.0.0.1:" + settings.s3Port(),
                "ASSISTANTS_S3_ACCESS_KEY",
                S3_ACCESS_KEY,
                "ASSISTANTS_S3_SECRET_KEY",
                S3_SECRET_KEY);
        String commandService = "http://localhost:" + settings.commandServicePort();
        for (int replica = 1; replica <= settings.replicas(); replica++) {
            int commandPort = StackSettings.replicaPort(settings.commandServicePort(), replica);
            int queryPort = StackSettings.replicaPort(settings.queryServicePort(), replica);
            int avatarPort = StackSettings.replicaPort(settings.avatarServicePort(), replica);
            services.add(new ServiceProcess(
                    StackSettings.replicaName("command-service", replica),
                    replica,
                    settings.serviceJar("command-service"),
                    commandPort,
                    settings.logDirectory(),
                    merge(merge(common, s3Access), Map.of("COMMAND_SERVICE_PORT", String.valueOf(commandPort))),
                    settings.serviceJavaOptions()));
            // the services call command-service's first replica; the gateway balances over all of them
            services.add(new ServiceProcess(
                    StackSettings.replicaName("query-service", replica),
                    replica,
                    settings.serviceJar("query-service"),
                    queryPort,
                    settings.logDirectory(),
                    merge(
                            common,
                            Map.of(
                                    "QUERY_SERVICE_PORT",
                                    String.valueOf(queryPort),
                                    "ASSISTANTS_MONGODB_URI",
                                    "mongodb://localhost:" + settings.mongoPort(),
                                    "ASSISTANTS_COMMAND_SERVICE_URL",
                                    commandService)),
                    settings.serviceJavaOptions()));
            services.add(new ServiceProcess(
                    StackSettings.replicaName("avatar-service", replica),
                    replica,
                    settings.serviceJar("avatar-service"),
                    avatarPort,
                    settings.logDirectory(),
                    merge(
                            merge(common, s3Access),
                            Map.of(
                                    "AVATAR_SERVICE_PORT",
                                    String.valueOf(avatarPort),
                                    "ASSISTANTS_COMMAND_SERVICE_URL",
                                    commandService)),
                    settings.serviceJavaOptions()));
        }
        services.add(new ServiceProcess(
                "gateway",
                1,
                settings.serviceJar("gateway"),
                settings.gatewayPort(),
                settings.logDirectory(),
                Map.of(
                        "GATEWAY_PORT",
                        String.valueOf(settings.gatewayPort()),
                        // the original frontend's development server, unless the environment says otherwise
                        "ASSISTANTS_CORS_ALLOWED_ORIGINS",
                        System.getenv().getOrDefault("ASSISTANTS_CORS_ALLOWED_ORIGINS", "http://localhost:5173"),
                        "ASSISTANTS_COMMAND_SERVICE_URL",
                        replicaUrls(settings.commandServicePort()),
                        "ASSISTANTS_QUERY_SERVICE_URL",
                        replicaUrls(settings.queryServicePort()),
                        "ASSISTANTS_AVATAR_SERVICE_URL",
                        replicaUrls(settings.avatarServicePort())),
                settings.serviceJavaOptions()));
        parts.addAll(services);
        // in waves of one replica of each service (the gateway with the first): a wave's JVMs boot together, but
        // nine at once on two cores took longer than any fixed bound
        for (int replica = 1; replica <= settings.replicas(); replica++) {
            int wave = replica;
            List<ServiceProcess> starting = services.stream()
                    .filter(service -> service.replica() == wave)
                    .toList();
            for (ServiceProcess service : starting) {
                service.start();
            }
            Instant deadline = Instant.now().plus(settings.startupTimeout());
            for (ServiceProcess service : starting) {
                service.awaitHealthy(deadline);
            }
        }
        writePids();
        StringBuilder ports = new StringBuilder();
        StringBuilder managementPorts = new StringBuilder();
        services.forEach(service -> {
            ports.append(service.name()).append('=').append(service.port()).append('\n');
            managementPorts
                    .append(service.name())
                    .append('=')
                    .append(service.managementPort())
                    .append('\n');
        });
        writeAtomically("ports", ports.toString());
        writeAtomically("management-ports", managementPorts.toString());
    }

    /** Every replica of the service whose first replica listens on {@code port}, as the gateway takes them. */
    private String replicaUrls(int port) {
        List<String> urls = new ArrayList<>();
        for (int replica = 1; replica <= settings.replicas(); replica++) {
            urls.add("http://localhost:" + StackSettings.replicaPort(port, replica));
        }
        return String.join(",", urls);
    }

    /** Starts again every part that died, unless it is held down. */
    private void superviseParts() {
        Thread watcher = new Thread(
                () -> {
                    while (!stopping) {
                        for (StackPart part : parts) {
                            if (!stopping && !heldDown.contains(part.name()) && !part.isAlive()) {
                                log(part.name() + " is not running; starting it again");
                                try {
                                    part.start();
                                    log(part.name() + " started again (pid " + part.pid() + ")");
                                } catch (Exception e) {
                                    log(part.name() + " did not start: " + e.getMessage() + "; trying again");
                                }
                                writePids();
                            }
                        }
                        try {
                            Thread.sleep(WATCH_INTERVAL.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "local-stack-supervisor");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** {@code stop <part>} holds a part down (an outage); {@code start <part>} lets the supervisor start it again. */
    private void followControlCommands() {
        Thread control = new Thread(
                () -> {
                    try (BufferedReader commands =
                            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
                            String[] words = line.trim().split("\\s+");
                            StackPart part = words.length == 2
                                    ? parts.stream()
                                            .filter(p -> p.name().equals(words[1]))
                                            .findFirst()
                                            .orElse(null)
                                    : null;
                            if (part == null || !(words[0].equals("stop") || words[0].equals("start"))) {
                                log("unknown command '" + line.trim() + "': stop|start <"
                                        + String.join(
                                                "|",
                                                parts.stream()
                                                        .map(StackPart::name)
                                                        .toList()) + ">");
                            } else if (words[0].equals("stop")) {
                                heldDown.add(part.name());
                                part.stop();
                                log("held down " + part.name());
                            } else {
                                heldDown.remove(part.name());
                                log("released " + part.name());
                            }
                        }
                    } catch (IOException e) {
                        log("standard input closed: " + e.getMessage());
                    }
                },
                "local-stack-control");
        control.setDaemon(true);
        control.start();
    }

    /** Each part's process id, for an operator (or the fault suite) who wants to kill one. */
    private synchronized void writePids() {
        StringBuilder pids = new StringBuilder();
        for (StackPart part : parts) {
            pids.append(part.name()).append('=').append(part.pid()).append('\n');
        }
        writeAtomically("pids", pids.toString());
    }

    /** Whole or not at all, for a reader that may look at any moment. */
    private void writeAtomically(String name, String content) {
        try {
            Path file = settings.dataDirectory().resolve(name);
            Path written = settings.dataDirectory().resolve(name + ".new");
            Files.writeString(written, content, StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log("could not write " + name + ": " + e.getMessage());
        }
    }

    /**
     * The embedded servers' main classes are inside this launcher: run from its executable jar they are
     * started through Spring Boot's PropertiesLauncher, from a plain class path directly.
     */
    private static Function<String, List<String>> childJvmLauncher() {
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return mainClass -> List.of(
                    KafkaBroker.javaExecutable(),
                    "-cp",
                    classPath,
                    "-Dloader.main=" + mainClass,
                    "org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        return KafkaBroker.classpathLauncher();
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
        for (int replica = 1; replica <= settings.replicas(); replica++) {
            String which = replica == 1 ? "" : " replica " + replica;
            ports.put(
                    "command-service" + which + " (COMMAND_SERVICE_PORT)",
                    StackSettings.replicaPort(settings.commandServicePort(), replica));
            ports.put(
                    "query-service" + which + " (QUERY_SERVICE_PORT)",
                    StackSettings.replicaPort(settings.queryServicePort(), replica));
            ports.put(
                    "avatar-service" + which + " (AVATAR_SERVICE_PORT)",
                    StackSettings.replicaPort(settings.avatarServicePort(), replica));
        }
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

    private void printWelcome(Duration startup) {
        String url = "http://localhost:" + settings.gatewayPort();
        String admin = DevTokens.mint("local-admin", List.of("admin", "user"), settings.dataDirectory());
        String user = DevTokens.mint("local-user", List.of("user"), settings.dataDirectory());
        System.out.printf(
                """

                Assistants platform is up (%.1f s). Data: %s, logs: %s

                  API          %s/api/v1/assistants   (everything: writes, reads, history, cache, avatars, admin)
                  services     command :%d, query :%d, avatar :%d (%d replicas each, the next ones %d ports up); Kafka localhost:%d (topic assistants.events.v1)
                  metrics      each service's actuator %d ports above it, no token: curl -s localhost:%d/actuator/prometheus
                  admin token  %s
                  user token   %s
                  (tokens valid for 24 hours; restart the stack for fresh ones)

                Try:
                  curl -s -X POST %s/api/v1/assistants \\
                    -H "Authorization: Bearer %s" \\
                    -H 'Content-Type: application/json' \\
                    -d '{"name": "Support bot", "model": "gpt-4o"}'

                Ctrl-C stops everything; the next start keeps the data.
                %n""",
                startup.toMillis() / 1000.0,
                settings.dataDirectory().toAbsolutePath(),
                settings.logDirectory().toAbsolutePath(),
                url,
                settings.commandServicePort(),
                settings.queryServicePort(),
                settings.avatarServicePort(),
                settings.replicas(),
                StackSettings.REPLICA_PORT_STEP,
                settings.kafkaPort(),
                ServiceProcess.MANAGEMENT_PORT_OFFSET,
                settings.commandServicePort() + ServiceProcess.MANAGEMENT_PORT_OFFSET,
                admin,
                user,
                url,
                admin);
    }

    private void stop() {
        stopping = true;
        log("stopping");
        for (int i = parts.size() - 1; i >= 0; i--) {
            parts.get(i).stop();
        }
        log("stopped");
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }
}
