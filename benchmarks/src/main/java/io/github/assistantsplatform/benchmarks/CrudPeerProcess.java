package io.github.assistantsplatform.benchmarks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CRUD peer ({@code benchmarks/target/benchmarks-crud-peer.jar}) as a JVM of its own, on the
 * stack's PostgreSQL and JWT secret, with the JVM and options the local stack gives its services.
 */
final class CrudPeerProcess implements AutoCloseable {

    static final int PORT = 8090;
    /** The route the gateway is given for the peer, through its standard route properties. */
    static final Map<String, String> GATEWAY_ROUTE = Map.of(
            "SPRING_CLOUD_GATEWAY_SERVER_WEBMVC_ROUTES_0_ID", "crud-peer",
            "SPRING_CLOUD_GATEWAY_SERVER_WEBMVC_ROUTES_0_URI", "http://localhost:" + PORT,
            "SPRING_CLOUD_GATEWAY_SERVER_WEBMVC_ROUTES_0_PREDICATES_0", "Path=/benchmark/crud-peer/**");

    private final Process process;

    private CrudPeerProcess(Process process) {
        this.process = process;
    }

    static CrudPeerProcess start(Path repository, RunningStack stack) throws Exception {
        Path jar = repository.resolve("benchmarks/target/benchmarks-crud-peer.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn -DskipTests install` first");
        }
        try (Socket taken = new Socket(InetAddress.getLoopbackAddress(), PORT)) {
            // the new peer would fail to bind while the health checks reached the old one
            throw new IllegalStateException(
                    "port " + PORT + " is in use (a CRUD peer left by an earlier run?): stop it first");
        } catch (ConnectException free) {
            // as it should be
        }
        List<String> command = new ArrayList<>(serviceJvm());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        stack.dataDirectory.resolve("logs/crud-peer.log").toFile());
        builder.environment()
                .put(
                        "ASSISTANTS_JWT_SECRET",
                        Files.readString(stack.dataDirectory.resolve("jwt-secret"), StandardCharsets.UTF_8)
                                .trim());
        builder.environment().put("ASSISTANTS_DB_URL", "jdbc:postgresql://localhost:54321/assistants");
        builder.environment().put("CRUD_PEER_PORT", String.valueOf(PORT));
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        CrudPeerProcess peer = new CrudPeerProcess(builder.start());
        peer.awaitHealthy();
        return peer;
    }

    /** The java executable and options the local stack started command-service with, read from its command line. */
    private static List<String> serviceJvm() throws IOException {
        ProcessHandle service = ProcessHandle.allProcesses()
                .filter(process -> process.info()
                        .arguments()
                        .map(arguments -> Arrays.stream(arguments)
                                .anyMatch(argument -> argument.endsWith("command-service-exec.jar")))
                        .orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the local stack's command-service is not running"));
        List<String> commandLine = new ArrayList<>();
        commandLine.add(service.info().command().orElseThrow());
        for (String argument : service.info().arguments().orElseThrow()) {
            if (argument.equals("-jar")) {
                return commandLine;
            }
            commandLine.add(argument);
        }
        throw new IOException("command-service's command line has no -jar");
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/actuator/health"))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the CRUD peer exited; see crud-peer.log in the stack's logs");
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the CRUD peer did not become healthy within 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
