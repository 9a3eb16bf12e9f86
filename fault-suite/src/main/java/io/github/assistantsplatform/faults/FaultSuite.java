package io.github.assistantsplatform.faults;

import io.github.assistantsplatform.benchmarks.RunningStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local stack under a write load while each of its processes is killed (SIGKILL, with its
 * children) or held down in turn; the stack starts a killed process again as a container runtime
 * would. After each fault: every acknowledged write must be in the event table, and the read model,
 * the topic and the avatar bucket must converge to the event table. Prints one row per fault.
 */
public final class FaultSuite {

    /** A fault: kill -9 of a part, or a part held down for {@code outage}. */
    public record Fault(String name, String part, Duration outage) {

        public static Fault kill(String part) {
            return new Fault("kill -9 " + part, part, Duration.ZERO);
        }

        public static Fault outage(String part, Duration outage) {
            return new Fault(part + " down " + outage.toSeconds() + " s", part, outage);
        }
    }

    /** What one fault cost: writes acknowledged during it, how many of them are missing, how long until all converged. */
    public record Outcome(Fault fault, int acknowledged, long lost, Duration toConverge, List<String> notConverged) {

        public boolean converged() {
            return notConverged.isEmpty();
        }
    }

    private static final List<String> PROCESSES = List.of(
            "command-service", "query-service", "avatar-service", "gateway", "postgres", "kafka", "mongo", "s3");
    /** Short enough for the suite to see orphans go: an upload killed between its S3 write and SetAvatar. */
    public static final Map<String, String> STACK_ENVIRONMENT = Map.of(
            "ASSISTANTS_AVATAR_ORPHAN_GRACE_PERIOD", "10s",
            "ASSISTANTS_AVATAR_ORPHAN_CHECK_INTERVAL", "5s",
            "ASSISTANTS_AVATAR_ORPHAN_CHECK_INITIAL_DELAY", "5s");

    private final RunningStack stack;
    private final Duration loadBefore;
    private final Duration loadAfter;
    private final Duration convergeWithin;
    private final Set<String> everyAssistant = new HashSet<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public FaultSuite(RunningStack stack, Duration loadBefore, Duration loadAfter, Duration convergeWithin) {
        this.stack = stack;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.convergeWithin = convergeWithin;
    }

    public static void main(String[] args) throws Exception {
        Duration outage = Duration.ofSeconds(Long.getLong("faults.outage-seconds", 360));
        List<Fault> faults = new ArrayList<>(PROCESSES.stream().map(Fault::kill).toList());
        for (String part : List.of("mongo", "kafka", "s3")) {
            faults.add(Fault.outage(part, outage));
        }
        String only = System.getProperty("faults.only");
        if (only != null && !only.isBlank()) {
            List<String> wanted = Arrays.asList(only.split(","));
            faults.removeIf(fault -> wanted.stream().noneMatch(fault.name()::contains));
        }
        Path repository = Path.of(System.getProperty("repository.root", "."))
                .toAbsolutePath()
                .normalize();
        List<Outcome> outcomes;
        try (RunningStack stack = RunningStack.start(repository, STACK_ENVIRONMENT)) {
            outcomes = new FaultSuite(
                            stack,
                            Duration.ofSeconds(Long.getLong("faults.load-seconds", 10)),
                            Duration.ofSeconds(Long.getLong("faults.load-seconds", 10)),
                            Duration.ofMinutes(15))
                    .run(faults);
        }
        System.out.println();
        System.out.println(
                "Fault suite, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.println(table(outcomes));
        if (outcomes.stream().anyMatch(outcome -> outcome.lost() > 0 || !outcome.converged())) {
            System.exit(1);
        }
    }

    public List<Outcome> run(List<Fault> faults) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        for (Fault fault : faults) {
            log("fault: " + fault.name());
            outcomes.add(inflict(fault));
            log(table(List.of(outcomes.get(outcomes.size() - 1))));
        }
        return outcomes;
    }

    private Outcome inflict(Fault fault) throws Exception {
        awaitHealthy(Duration.ofMinutes(3));
        WriteLoad load = new WriteLoad(8080, stack.adminToken);
        load.start(8);
        Thread.sleep(loadBefore.toMillis());
        if (fault.outage().isZero()) {
            kill(fault.part());
        } else {
            stack.control("stop " + fault.part());
            Thread.sleep(fault.outage().toMillis());
            stack.control("start " + fault.part());
        }
        Thread.sleep(loadAfter.toMillis());
        load.stop();
        Instant loadEnded = Instant.now();
        everyAssistant.addAll(load.assistants());

        awaitHealthy(convergeWithin);
        StackState state = new StackState(stack.dataDirectory);
        StackState.EventTable table = state.eventTable(everyAssistant);
        long lost =
                load.acknowledged().stream().filter(ack -> !table.holds(ack)).count();
        List<String> notConverged = List.of("not checked");
        Instant deadline = Instant.now().plus(convergeWithin);
        try (Heartbeat inUse = new Heartbeat(8080, stack.adminToken)) {
            while (Instant.now().isBefore(deadline)) {
                notConverged = differences(state, table);
                if (notConverged.isEmpty()) {
                    break;
                }
                Thread.sleep(1_000);
            }
        }
        return new Outcome(
                fault, load.acknowledged().size(), lost, Duration.between(loadEnded, Instant.now()), notConverged);
    }

    private List<String> differences(StackState state, StackState.EventTable table) throws Exception {
        List<String> differences = new ArrayList<>();
        StackState.ReadModel readModel = state.readModel();
        List<String> behind = readModel.behind(table);
        if (!behind.isEmpty()) {
            differences.add(behind.size() + " assistants behind in the read model");
        }
        List<String> topic = state.topicIncomplete(table);
        if (!topic.isEmpty()) {
            differences.add(topic.size() + " assistants incomplete on the topic");
        }
        Set<String> objects = state.storedObjects();
        Set<String> orphans = new HashSet<>(objects);
        orphans.removeAll(readModel.shownAvatars());
        Set<String> missing = new HashSet<>(readModel.shownAvatars());
        missing.removeAll(objects);
        if (!orphans.isEmpty()) {
            differences.add(orphans.size() + " orphaned objects");
        }
        if (!missing.isEmpty()) {
            differences.add(missing.size() + " avatars shown without their object");
        }
        return differences;
    }

    /** SIGKILL to the part's process and every process it started (PostgreSQL's backends, for one). */
    private void kill(String part) throws IOException {
        long pid = stack.pid(part);
        ProcessHandle process =
                ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(part + " is not running"));
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(0, process);
        family.forEach(ProcessHandle::destroyForcibly);
        log("killed " + part + " (pid " + pid + ", " + (family.size() - 1) + " child processes)");
    }

    /**
     * Every part running and every replica's health UP (its readiness includes its consumers): the next
     * fault must not find a replica of the last one still starting.
     */
    private void awaitHealthy(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            boolean healthy = stack.pids().values().stream()
                    .allMatch(pid -> pid > 0
                            && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            for (int port : stack.servicePorts().values()) {
                healthy &= isUp(port);
            }
            if (healthy) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the stack did not become healthy within " + timeout.toSeconds() + " s");
    }

    private boolean isUp(int port) {
        try {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder(
                "| fault | writes acknowledged | lost | converged after the load, s |\n|---|---|---|---|\n");
        for (Outcome outcome : outcomes) {
            table.append("| ")
                    .append(outcome.fault().name())
                    .append(" | ")
                    .append(outcome.acknowledged())
                    .append(" | ")
                    .append(outcome.lost())
                    .append(" | ")
                    .append(
                            outcome.converged()
                                    ? String.format("%.1f", outcome.toConverge().toMillis() / 1000.0)
                                    : "NO: " + String.join(", ", outcome.notConverged()))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static void log(String message) {
        System.out.println("[fault-suite] " + message);
    }
}
