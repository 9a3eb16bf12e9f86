package io.github.assistantsplatform.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An embedded server (the MongoDB-compatible one, the S3 one) run as a JVM of its own from this
 * launcher's classes, so that it can die and restart alone; ready when its port takes connections.
 */
final class ChildServer extends ChildProcess {

    private final String name;
    private final Class<?> mainClass;
    private final List<String> arguments;
    private final List<String> javaOptions;
    private final int port;
    private final Path log;
    private final Function<String, List<String>> launcher;

    ChildServer(
            String name,
            Class<?> mainClass,
            List<String> arguments,
            List<String> javaOptions,
            int port,
            Path log,
            Function<String, List<String>> launcher) {
        this.name = name;
        this.mainClass = mainClass;
        this.arguments = arguments;
        this.javaOptions = javaOptions;
        this.port = port;
        this.log = log;
        this.launcher = launcher;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(launcher.apply(mainClass.getName()));
        command.addAll(1, javaOptions);
        command.addAll(arguments);
        Process process = launch(new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(name + " did not listen on port " + port + " within 60 s; see " + log);
    }
}
