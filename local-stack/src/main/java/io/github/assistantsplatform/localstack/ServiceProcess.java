package io.github.assistantsplatform.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service as a JVM of its own, its output in a log file, healthy when its health endpoint says UP. */
final class ServiceProcess extends ChildProcess {

    static final int MANAGEMENT_PORT_OFFSET = 100;

    private final String name;
    private final int replica;
    private final Path jar;
    private final int port;
    private final Path logDirectory;
    private final Map<String, String> environment;
    private final List<String> javaOptions;

    ServiceProcess(
            String name,
            int replica,
            Path jar,
            int port,
            Path logDirectory,
            Map<String, String> environment,
            List<String> javaOptions) {
        this.name = name;
        this.replica = replica;
        this.jar = jar;
        this.port = port;
        this.logDirectory = logDirectory;
        this.environment = environment;
        this.javaOptions = javaOptions;
    }

    @Override
    public String name() {
        return name;
    }

    /** Which replica of its service this is, from 1. */
    int replica() {
        return replica;
    }

    /** Where its actuator listens (Prometheus scrapes it without a token): 100 ports above its own. */
    int managementPort() {
        return port + MANAGEMENT_PORT_OFFSET;
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void start() throws IOException {
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a heap cap that keeps four services and the servers within a laptop (with 384 MiB every service
        // stayed under 512 MiB resident through the benchmarks' million-event catch-up and rebuild); the C1
        // compiler only, so that all four start within a minute on two cores (with C2 the stack took 80 s
        // to come up). LOCAL_STACK_JAVA_OPTIONS come last, so they win
        List<String> command =
                new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("ASSISTANTS_MANAGEMENT_PORT", String.valueOf(managementPort()));
        // glibc's many malloc arenas add resident memory that the JVM never accounts for
        builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
        Process process = launch(builder);
        LocalStack.log("started " + name + " (pid " + process.pid() + ") on port " + port + ", log in " + log);
    }

    void awaitHealthy(Instant deadline) {
        Process process = process();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see "
                        + logDirectory.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    LocalStack.log(name + " is healthy");
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " did not become healthy by " + deadline
                + " (LOCAL_STACK_STARTUP_TIMEOUT); see " + logDirectory.resolve(name + ".log"));
    }
}
