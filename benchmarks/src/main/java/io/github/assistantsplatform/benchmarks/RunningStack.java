package io.github.assistantsplatform.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack started as the README says, in a data folder of its own, with the tokens it prints:
 * for the benchmarks and the end-to-end tests.
 */
public final class RunningStack implements AutoCloseable {

    public final String adminToken;
    public final String userToken;
    public final double startupSeconds;
    /** The stack's data folder (PostgreSQL, the JWT secret, the services' logs). */
    public final Path dataDirectory;

    private final Process process;

    private RunningStack(
            Process process, Path dataDirectory, String adminToken, String userToken, double startupSeconds) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.adminToken = adminToken;
        this.userToken = userToken;
        this.startupSeconds = startupSeconds;
    }

    public static RunningStack start(Path repository) throws Exception {
        return start(repository, Map.of());
    }

    /** The README's command: the launcher with its heap limit (it holds no data; the servers are JVMs of their own). */
    public static List<String> launcherCommand(Path repository) {
        return List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-jar",
                repository.resolve("local-stack/target/local-stack.jar").toString());
    }

    /** @param environment added to the stack's environment, which its services inherit */
    public static RunningStack start(Path repository, Map<String, String> environment) throws Exception {
        Path data = Files.createTempDirectory("local-stack-benchmark");
        ProcessBuilder builder = new ProcessBuilder(launcherCommand(repository))
                .directory(repository.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("LOCAL_STACK_DATA", data.toString());
        long started = System.nanoTime();
        Process process = builder.start();
        String[] tokens = new String[2];
        String[] said = new String[1];
        CompletableFuture<Void> up = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            if (line.contains("admin token")) {
                                tokens[0] = line.substring(line.lastIndexOf(' ') + 1);
                            } else if (line.contains("user token")) {
                                tokens[1] = line.substring(line.lastIndexOf(' ') + 1);
                                up.complete(null);
                            } else if (line.startsWith("[local-stack]")) {
                                System.out.println(line);
                                said[0] = line;
                            }
                        }
                        up.completeExceptionally(new IllegalStateException(
                                "the local stack exited before it was up; it last said: " + said[0]));
                    } catch (IOException e) {
                        up.completeExceptionally(e);
                    }
                },
                "local-stack-output");
        reader.setDaemon(true);
        reader.start();
        up.get(600, TimeUnit.SECONDS);
        return new RunningStack(process, data, tokens[0], tokens[1], (System.nanoTime() - started) / 1e9);
    }

    /** A control command on the stack's standard input: {@code stop <part>} holds it down, {@code start <part>} lets it up. */
    public void control(String command) throws IOException {
        process.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    /** The process id of a part of the stack (postgres, kafka, mongo, s3, a service's name), -1 when it is down. */
    public long pid(String part) throws IOException {
        Long pid = pids().get(part);
        if (pid == null) {
            throw new IllegalArgumentException("no part " + part + " in " + dataDirectory.resolve("pids"));
        }
        return pid;
    }

    /** The launcher's own process, parent of every part. */
    public long launcherPid() {
        return process.pid();
    }

    /** The part of the stack whose process is {@code pid}, as the pid file names it. */
    public String partOf(long pid) throws IOException {
        return pids().entrySet().stream()
                .filter(part -> part.getValue() == pid)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no part has pid " + pid + " in " + dataDirectory.resolve("pids")));
    }

    /** Each part's process id (-1 for one that is down), every replica of every service included. */
    public Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        read("pids").forEach((part, pid) -> pids.put(part, Long.parseLong(pid)));
        return pids;
    }

    /** Each service's HTTP port, every replica included (command-service-2 and so on). */
    public Map<String, Integer> servicePorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        read("ports").forEach((service, port) -> ports.put(service, Integer.parseInt(port)));
        return ports;
    }

    /** Each service's management port (actuator, Prometheus), every replica included. */
    public Map<String, Integer> managementPorts() throws IOException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        read("management-ports").forEach((service, port) -> ports.put(service, Integer.parseInt(port)));
        return ports;
    }

    private Map<String, String> read(String file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dataDirectory.resolve(file))) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                entries.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return entries;
    }

    /** Stops the stack and deletes its data folder (each run starts from an empty one). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            System.out.println("[local-stack] could not delete " + dataDirectory + ": " + e.getMessage());
        }
    }
}
