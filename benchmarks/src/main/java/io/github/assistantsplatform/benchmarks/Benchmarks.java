package io.github.assistantsplatform.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.github.assistantsplatform.audit.CanonicalJson;
import io.github.assistantsplatform.audit.StoredEvent;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Starts the local stack, loads it, and prints each figure next to a baseline measured in the same
 * run on the same machine. Sizes: -Dbenchmark.writes, -Dbenchmark.reads, -Dbenchmark.commands,
 * -Dbenchmark.events, -Dbenchmark.histories (see the README for the command).
 */
public final class Benchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int GATEWAY_PORT = 8080;
    private static final int COMMAND_PORT = 8081;
    private static final int QUERY_PORT = 8082;
    private static final String GATEWAY = "http://localhost:" + GATEWAY_PORT;
    private static final String QUERY = "http://localhost:" + QUERY_PORT;
    private static final String COMMAND = "http://localhost:" + COMMAND_PORT;
    private static final String JDBC = "jdbc:postgresql://localhost:54321/assistants";
    private static final String ASSISTANTS = "/api/v1/assistants";
    private static final String CRUD_PEER = "/benchmark/crud-peer/assistants";
    /** The position in a tracking token as stored (JSON: a gap-aware token's index). */
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String[]> table = new ArrayList<>();
    private long failures;
    private final RunningStack stack;

    Benchmarks(RunningStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        // run from the repository's root, as the README says (the stack's jars are found from there)
        Path repository = Path.of(System.getProperty("repository.root", "."))
                .toAbsolutePath()
                .normalize();
        try (RunningStack stack = RunningStack.start(repository, CrudPeerProcess.GATEWAY_ROUTE);
                CrudPeerProcess peer = CrudPeerProcess.start(repository, stack)) {
            Benchmarks benchmarks = new Benchmarks(stack);
            try {
                benchmarks.run(
                        Integer.getInteger("benchmark.writes", 6_000),
                        Integer.getInteger("benchmark.reads", 30_000),
                        Integer.getInteger("benchmark.commands", 1_000),
                        Integer.getInteger("benchmark.events", 1_000_000),
                        Integer.getInteger("benchmark.rounds", 3),
                        Arrays.stream(System.getProperty("benchmark.histories", "10,1000,100000")
                                        .split(","))
                                .mapToInt(Integer::parseInt)
                                .toArray());
            } finally {
                // what was measured before a failure is still worth reading (the services' logs say the rest)
                benchmarks.print();
                System.out.println("\nThe services' logs: " + stack.dataDirectory.resolve("logs"));
            }
        }
    }

    /**
     * Each load runs in {@code rounds} rounds, alternating with its baselines, after one unmeasured
     * round to warm the JVMs up; a rate is the median of its rounds.
     */
    void run(int writes, int reads, int commands, int events, int rounds, int[] histories) throws Exception {
        row("startup of the local stack (s)", stack.startupSeconds, null, "< 30");
        List<String> ids = writes(writes, rounds);
        if (Boolean.getBoolean("benchmark.writes-only")) {
            // what the hash chain costs: run once so, once with ASSISTANTS_EVENT_STORE_CHAIN=false (docs/benchmarks.md)
            return;
        }
        reads(ids, reads, rounds);
        lagAndKafka(ids.get(0), commands);
        histories(histories, Math.max(20, commands / 10));
        rebuild(events, ids);
        lists(Math.max(320, reads / rounds / 5), rounds);
        memory();
    }

    private List<String> writes(int count, int rounds) throws Exception {
        List<String> ids = new ArrayList<>();
        int perRound = Math.max(16, count / rounds);
        createThrough(ASSISTANTS, perRound, new ArrayList<>());
        createThrough(CRUD_PEER, perRound, new ArrayList<>());
        List<Load.Result> creates = new ArrayList<>();
        List<Load.Result> peerCreates = new ArrayList<>();
        List<Load.Result> inserts = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            creates.add(createThrough(ASSISTANTS, perRound, ids));
            waitUntilVisible(ids.get(ids.size() - 1));
            peerCreates.add(createThrough(CRUD_PEER, perRound, new ArrayList<>()));
            inserts.add(insertBaseline(perRound));
        }
        List<Load.Result> updates = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int offset = round * perRound;
            updates.add(Load.overHttp(
                    GATEWAY_PORT,
                    16,
                    perRound,
                    (http, i) -> http.send(
                                            "PUT",
                                            ASSISTANTS + "/" + ids.get((offset + i) % ids.size()),
                                            stack.adminToken,
                                            "{\"description\": \"revision " + i + "\"}")
                                    .status()
                            == 200));
        }
        Load.Result create = Load.Result.ofRounds(creates);
        Load.Result peer = Load.Result.ofRounds(peerCreates);
        Load.Result update = Load.Result.ofRounds(updates);
        Load.Result insert = Load.Result.ofRounds(inserts);
        String chain = "false".equals(System.getenv("ASSISTANTS_EVENT_STORE_CHAIN")) ? " (hash chain off)" : "";
        load(
                "creates/s through the gateway, 16 clients" + chain,
                create,
                peer,
                ">= 1,000, >= 60% of the CRUD peer",
                "");
        load(
                "updates/s through the gateway, 16 clients" + chain,
                update,
                peer,
                ">= 1,000, >= 60% of the CRUD peer",
                "");
        load("baseline: CRUD peer creates/s through the gateway (validate + INSERT)", peer, insert, "", "");
        row("baseline: single-row INSERT commits/s, same PostgreSQL", insert.perSecond(), null, "");
        failuresOf("writes", create, update, peer);
        return ids;
    }

    /** Creates assistants through the gateway at {@code path}, adding their ids to {@code ids} when all are done. */
    private Load.Result createThrough(String path, int count, List<String> ids) throws Exception {
        Queue<String> created = new ConcurrentLinkedQueue<>();
        Load.Result result = Load.overHttp(GATEWAY_PORT, 16, count, (http, i) -> {
            KeepAliveHttp.Response response = http.send(
                    "POST", path, stack.adminToken, "{\"name\": \"Load " + i + "\", \"description\": \"benchmark\"}");
            if (response.status() == 201) {
                created.add(JSON.readTree(response.body()).get("id").asString());
            }
            return response.status() == 201;
        });
        ids.addAll(created);
        return result;
    }

    private Load.Result insertBaseline(int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS benchmark_rows (id uuid PRIMARY KEY, body text NOT NULL)");
        }
        return Load.run(16, count, () -> DriverManager.getConnection(JDBC, "postgres", "postgres"), (connection, i) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO benchmark_rows VALUES (?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "{\"name\": \"Load " + i + "\"}");
                return insert.executeUpdate() == 1;
            }
        });
    }

    private void reads(List<String> ids, int count, int rounds) throws Exception {
        waitUntilVisible(ids.get(ids.size() - 1));
        int perRound = Math.max(32, count / rounds);
        List<Load.Result> direct = new ArrayList<>();
        List<Load.Result> viaGateway = new ArrayList<>();
        List<Load.Result> floor = new ArrayList<>();
        List<Load.Result> driver = new ArrayList<>();
        long gateway = stack.pid("gateway");
        long query = stack.pid("query-service");
        double[] cpuDirect = new double[rounds];
        double[] cpuGateway = new double[rounds];
        double[] cpuBehindGateway = new double[rounds];
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:27018")) {
            MongoCollection<Document> assistants = activeReadModel(mongo);
            getById(QUERY_PORT, 32, ids, perRound);
            getById(GATEWAY_PORT, 32, ids, perRound);
            liveness(perRound);
            for (int round = 0; round < rounds; round++) {
                long[] before = cpuMillis(gateway, query);
                direct.add(getById(QUERY_PORT, 32, ids, perRound));
                long[] between = cpuMillis(gateway, query);
                viaGateway.add(getById(GATEWAY_PORT, 32, ids, perRound));
                long[] after = cpuMillis(gateway, query);
                floor.add(liveness(perRound));
                cpuDirect[round] = (between[1] - before[1]) / (double) perRound;
                cpuGateway[round] = (after[0] - between[0]) / (double) perRound;
                cpuBehindGateway[round] = (after[1] - between[1]) / (double) perRound;
                driver.add(Load.run(
                        32,
                        perRound,
                        i -> assistants
                                        .find(Filters.eq("_id", ids.get(i % ids.size())))
                                        .first()
                                != null));
            }
        }
        Load.Result baseline = Load.Result.ofRounds(driver);
        Load.Result byId = Load.Result.ofRounds(direct);
        Load.Result byIdViaGateway = Load.Result.ofRounds(viaGateway);
        Load.Result framework = Load.Result.ofRounds(floor);
        load(
                "GET by id/s direct (query-service), 32 connections, against its /livez",
                byId,
                framework,
                ">= 80% of /livez",
                "p99 < 20");
        load("GET by id/s through the gateway, against direct", byIdViaGateway, byId, ">= 85% of direct", "");
        load("baseline: /livez/s on query-service (same filters, no MongoDB)", framework, null, "", "");
        row("baseline: find by _id/s, MongoDB driver alone, 32 threads", baseline.perSecond(), null, "");
        // on one machine a request through the gateway costs both processes' CPU: direct / (direct + gateway) bounds
        // the ratio
        row("CPU ms per GET by id: query-service, direct", median(cpuDirect), null, "");
        row("CPU ms per GET by id: query-service, behind the gateway", median(cpuBehindGateway), null, "");
        row("CPU ms per GET by id: the gateway", median(cpuGateway), median(cpuDirect), "");
        failuresOf("reads", byId, byIdViaGateway, framework);
    }

    /** The framework's floor on the same service: the liveness route runs the same filter chain and reads nothing. */
    private static Load.Result liveness(int count) throws Exception {
        return gets(QUERY_PORT, 32, count, i -> "/livez");
    }

    /**
     * A guest's first ten pages of ten, after the rebuild (the read model then holds the appended assistants
     * too), direct and through the gateway.
     */
    private void lists(int pages, int rounds) throws Exception {
        int total = Integer.parseInt(send("GET", QUERY + ASSISTANTS + "?limit=1", null, null)
                .headers()
                .firstValue("X-Total-Count")
                .orElse("0"));
        listPages(QUERY_PORT, pages);
        List<Load.Result> direct = new ArrayList<>();
        List<Load.Result> viaGateway = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            direct.add(listPages(QUERY_PORT, pages));
            viaGateway.add(listPages(GATEWAY_PORT, pages));
        }
        Load.Result page = Load.Result.ofRounds(direct);
        Load.Result pageViaGateway = Load.Result.ofRounds(viaGateway);
        load(
                String.format(Locale.ROOT, "GET list (limit 10, guest)/s direct, %,d assistants", total),
                page,
                null,
                "",
                "p99 < 100");
        load("GET list (limit 10, guest)/s through the gateway", pageViaGateway, page, "", "");
        failuresOf("lists", page, pageViaGateway);
    }

    private static Load.Result getById(int port, int connections, List<String> ids, int count) throws Exception {
        return gets(port, connections, count, i -> ASSISTANTS + "/" + ids.get(i % ids.size()));
    }

    /** The first ten pages of ten, as a guest sees them. */
    private static Load.Result listPages(int port, int count) throws Exception {
        return gets(port, 32, count, i -> ASSISTANTS + "?limit=10&skip=" + (i % 10) * 10);
    }

    /** {@code count} guest GETs of {@code path(i)} over {@code connections} kept-alive connections, each a 200. */
    private static Load.Result gets(int port, int connections, int count, IntFunction<String> path) throws Exception {
        return Load.overHttp(
                port,
                connections,
                count,
                (http, i) -> http.send("GET", path.apply(i), null, null).status() == 200);
    }

    /** The collection query-service serves from: the one its pointer names after a rebuild, else "assistants". */
    private static MongoCollection<Document> activeReadModel(MongoClient mongo) {
        var database = mongo.getDatabase("assistants");
        Document pointer = database.getCollection("read_model_meta")
                .find(Filters.eq("_id", "assistants"))
                .first();
        return database.getCollection(pointer == null ? "assistants" : pointer.getString("collection"));
    }

    private void lagAndKafka(String id, int commands) throws Exception {
        Map<Long, Long> received = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        Thread consumer = new Thread(
                () -> {
                    try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(
                            Map.of(
                                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                            new StringDeserializer(),
                            new StringDeserializer())) {
                        kafka.subscribe(List.of("assistants.events.v1"));
                        while (!done.get()) {
                            var records = kafka.poll(Duration.ofMillis(50));
                            if (!kafka.assignment().isEmpty()) {
                                kafka.assignment().forEach(kafka::position);
                                subscribed.countDown();
                            }
                            records.forEach(record -> {
                                if (id.equals(record.key())) {
                                    received.put(
                                            JSON.readTree(record.value())
                                                    .get("sequence")
                                                    .asLong(),
                                            System.nanoTime());
                                }
                            });
                        }
                    }
                },
                "benchmark-consumer");
        consumer.start();
        if (!subscribed.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the benchmark's Kafka consumer got no partition within 60 s");
        }
        KeepAliveHttp gateway = new KeepAliveHttp(GATEWAY_PORT);
        KeepAliveHttp query = new KeepAliveHttp(QUERY_PORT);
        Histogram lag = new Histogram(3);
        Histogram kafka = new Histogram(3);
        List<long[]> acknowledged = new ArrayList<>();
        for (int i = 0; i < commands; i++) {
            KeepAliveHttp.Response updated = gateway.send(
                    "PUT",
                    ASSISTANTS + "/" + id,
                    stack.adminToken,
                    "{\"avatar_vertical_position\": " + (i % 101) + ", \"description\": \"lag " + i + "\"}");
            long ack = System.nanoTime();
            long version = JSON.readTree(updated.body()).get("version").asLong();
            acknowledged.add(new long[] {version, ack});
            while (JSON.readTree(query.send("GET", ASSISTANTS + "/" + id, null, null)
                                    .body())
                            .get("version")
                            .asLong()
                    < version) {
                Thread.onSpinWait();
            }
            lag.recordValue((System.nanoTime() - ack) / 1_000);
        }
        gateway.close();
        query.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < commands && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        done.set(true);
        consumer.join();
        for (long[] ack : acknowledged) {
            Long at = received.get(ack[0]);
            if (at != null) {
                kafka.recordValue(Math.max(0, at - ack[1]) / 1_000);
            }
        }
        percentiles(
                "projection lag p50 / p99 (ms), " + commands + " commands",
                lag.getValueAtPercentile(50) / 1000.0,
                lag.getValueAtPercentile(99) / 1000.0,
                "p99 < 100");
        percentiles(
                "Kafka, command ack to consumer p50 / p99 (ms)",
                kafka.getValueAtPercentile(50) / 1000.0,
                kafka.getValueAtPercentile(99) / 1000.0,
                "p99 < 200");
    }

    /**
     * What an update, a page of the history and an {@code as_of} cost as an assistant's history grows: one
     * assistant per size, the longer histories appended to the event table as copies of one real update (as
     * the aggregate writes them) and worked off by every processor, then each request in turn on every
     * assistant, so that all see the same machine; the shortest history is the baseline.
     */
    private void histories(int[] sizes, int rounds) throws Exception {
        try (KeepAliveHttp command = new KeepAliveHttp(COMMAND_PORT);
                KeepAliveHttp query = new KeepAliveHttp(QUERY_PORT)) {
            List<String> ids = new ArrayList<>();
            for (int size : sizes) {
                String id = JSON.readTree(expect(
                                        command.send(
                                                "POST",
                                                ASSISTANTS,
                                                stack.adminToken,
                                                "{\"name\": \"History of " + size + "\"}"),
                                        201)
                                .body())
                        .get("id")
                        .asString();
                expect(
                        command.send("PUT", ASSISTANTS + "/" + id, stack.adminToken, "{\"description\": \"change\"}"),
                        200);
                copyLatestEvent(id, size - 2);
                ids.add(id);
            }
            try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres")) {
                awaitProcessors(connection, head(connection), (processor, seconds) -> {});
            }
            // the first load of each folds every event and snapshots it: measured once, apart
            double[] first = new double[sizes.length];
            for (int i = 0; i < sizes.length; i++) {
                String id = ids.get(i);
                first[i] = millis(() -> update(command, id, 0));
            }
            String[] kinds = {"an update", "the newest page of its history (100)", "as_of now"};
            double[][][] millis = new double[kinds.length][sizes.length][rounds];
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sizes.length; i++) {
                    String id = ids.get(i);
                    String path = ASSISTANTS + "/" + id;
                    int change = round + 1;
                    millis[0][i][round] = millis(() -> update(command, id, change));
                    millis[1][i][round] = millis(
                            () -> query.send("GET", path + "/history?order=newest&limit=100", stack.adminToken, null));
                    millis[2][i][round] =
                            millis(() -> query.send("GET", path + "?as_of=" + Instant.now(), stack.adminToken, null));
                }
            }
            for (int kind = 0; kind < kinds.length; kind++) {
                double baseline = median(millis[kind][0]);
                for (int i = 0; i < sizes.length; i++) {
                    row(
                            String.format(
                                    Locale.ROOT,
                                    "%s, %,d events: median ms (%d in turn)",
                                    kinds[kind],
                                    sizes[i],
                                    rounds),
                            median(millis[kind][i]),
                            i == 0 ? null : baseline,
                            i == sizes.length - 1 ? "<= 1.5x the shortest" : "");
                }
            }
            for (int i = 1; i < sizes.length; i++) {
                row(
                        String.format(
                                Locale.ROOT,
                                "  first update after %,d events appended (folds them, snapshots) ms",
                                sizes[i]),
                        first[i],
                        null,
                        "");
            }
        }
    }

    private KeepAliveHttp.Response update(KeepAliveHttp command, String id, int change) throws Exception {
        return command.send(
                "PUT", ASSISTANTS + "/" + id, stack.adminToken, "{\"description\": \"change " + change + "\"}");
    }

    /** {@code count} copies of the assistant's latest event, numbered on from it, as the event store writes them. */
    private static void copyLatestEvent(String id, int count) throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres");
                PreparedStatement copy = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                        + "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision, "
                        + "payload, meta_data, time_stamp) "
                        + "SELECT nextval('domain_event_entry_seq'), e.aggregate_identifier, e.sequence_number + n, e.type, "
                        + "gen_random_uuid()::text, e.payload_type, e.payload_revision, e.payload, e.meta_data, e.time_stamp "
                        + "FROM domain_event_entry e CROSS JOIN generate_series(1, ?) AS n "
                        + "WHERE e.aggregate_identifier = ? AND e.sequence_number = "
                        + "(SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?) "
                        + "ORDER BY n")) {
            copy.setInt(1, count);
            copy.setString(2, id);
            copy.setString(3, id);
            copy.executeUpdate();
            relink(connection, id);
        }
    }

    /** The copies carry the original's link: each is linked again, as the event store would have linked it. */
    private static void relink(Connection connection, String id) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement rows = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?")) {
            rows.setFetchSize(10_000);
            rows.setString(1, id);
            String previous = StoredEvent.GENESIS;
            int pending = 0;
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    StoredEvent event = StoredEvent.read(row);
                    ObjectNode linked = event.linkedMetadata(previous);
                    previous = linked.get(StoredEvent.HASH).stringValue();
                    if (!previous.equals(event.recordedHash().orElse(null))) {
                        update.setBytes(1, CanonicalJson.bytes(linked));
                        update.setLong(2, event.position());
                        update.addBatch();
                        if (++pending % 10_000 == 0) {
                            update.executeBatch();
                        }
                    }
                }
            }
            update.executeBatch();
            connection.commit();
        }
    }

    private interface Call {
        KeepAliveHttp.Response send() throws Exception;
    }

    /** How long a call that must answer 200 took, in milliseconds. */
    private static double millis(Call call) throws Exception {
        long started = System.nanoTime();
        expect(call.send(), 200);
        return (System.nanoTime() - started) / 1e6;
    }

    private static KeepAliveHttp.Response expect(KeepAliveHttp.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException(
                    "expected " + status + ", got " + response.status() + ": " + response.body());
        }
        return response;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Each process's CPU time so far (user and system), in milliseconds. */
    private static long[] cpuMillis(long... pids) throws IOException {
        long[] millis = new long[pids.length];
        for (int i = 0; i < pids.length; i++) {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pids[i]), "stat"));
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 10 ms
            millis[i] = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }
        return millis;
    }

    private void rebuild(int events, List<String> ids) throws Exception {
        int appended = appendEvents(events);
        catchUp();
        long readStart = System.nanoTime();
        long read = 0;
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres")) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rows =
                        statement.executeQuery("SELECT global_index, payload_type, payload, meta_data, time_stamp "
                                + "FROM domain_event_entry ORDER BY global_index")) {
                    while (rows.next()) {
                        read += rows.getBytes(3).length > 0 ? 1 : 0;
                    }
                }
            }
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        JsonNode quiet = rebuildReadModel();
        row(
                "rebuild events/s (" + quiet.get("events_done").asLong() + " events, " + appended + " appended, "
                        + quiet.get("state").asString() + ")",
                eventsPerSecond(quiet),
                read / readSeconds,
                ">= 20,000, >= 25% of baseline");
        row("baseline: reading the event table alone, events/s", read / readSeconds, null, "");

        // again, while 8 connections read by id through the gateway, as when a rebuild runs in production
        AtomicBoolean rebuilt = new AtomicBoolean();
        List<Load.Result> reads = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
            try {
                do {
                    reads.add(getById(GATEWAY_PORT, 8, ids, 800));
                } while (!rebuilt.get());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        JsonNode loaded;
        try {
            loaded = rebuildReadModel();
        } finally {
            rebuilt.set(true);
        }
        readers.join();
        Load.Result during = Load.Result.ofRounds(reads);
        row(
                "rebuild events/s while 8 connections read through the gateway",
                eventsPerSecond(loaded),
                eventsPerSecond(quiet),
                ">= 20,000");
        load("  GET by id/s through the gateway during that rebuild", during, null, "", "");
        failuresOf("reads during the rebuild", during);
        audit(read / readSeconds);
    }

    /** The audit over the whole store: an anchor over every stream's head, and a verify of every link. */
    private void audit(double readBaseline) throws Exception {
        HttpResponse<String> anchored;
        long anchorStart;
        do {
            // the settle time: an anchor covers only what was stored 10 s before
            anchorStart = System.nanoTime();
            anchored = send(
                    "POST", COMMAND + "/api/v1/admin/audit/anchors", stack.adminToken, "{}", Duration.ofMinutes(10));
        } while (anchored.statusCode() == 409 && pause(1_000));
        double anchorMillis = (System.nanoTime() - anchorStart) / 1e6;
        JsonNode anchor = JSON.readTree(anchored.body());
        row(
                "audit anchor over " + anchor.path("streams").asLong() + " streams, ms (" + anchored.statusCode() + ")",
                anchorMillis,
                null,
                "");
        JsonNode verified = JSON.readTree(
                send("POST", COMMAND + "/api/v1/admin/audit/verify", stack.adminToken, "{}", Duration.ofMinutes(30))
                        .body());
        row(
                "audit verify events/s (" + verified.path("events").asLong() + " events, "
                        + verified.path("status").asString() + ")",
                verified.path("events_per_second").asDouble(),
                readBaseline,
                "");
    }

    private static boolean pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    /** Starts a rebuild and waits for its end; its last progress. */
    private JsonNode rebuildReadModel() throws Exception {
        send("POST", GATEWAY + "/api/v1/admin/read-model/rebuild", stack.adminToken, null);
        JsonNode progress;
        do {
            Thread.sleep(500);
            progress = JSON.readTree(send("GET", GATEWAY + "/api/v1/admin/read-model/rebuild", stack.adminToken, null)
                    .body());
        } while (progress.get("state").asString().equals("RUNNING"));
        return progress;
    }

    private static double eventsPerSecond(JsonNode progress) {
        double seconds = Duration.between(
                                Instant.parse(progress.get("started_at").asString()),
                                Instant.parse(progress.get("finished_at").asString()))
                        .toMillis()
                / 1000.0;
        return progress.get("events_done").asLong() / seconds;
    }

    /**
     * How fast each tracking processor (the projection, the Kafka publisher, avatar-service's view)
     * works off the appended backlog, as after a downtime: events per second from the end of the
     * append until its token reaches the head. The rebuild after it then runs on a quiet stack.
     */
    private void catchUp() throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres")) {
            long head = head(connection);
            Map<String, Long> behind = new TreeMap<>();
            positions(connection).forEach((processor, position) -> behind.put(processor, head - position));
            awaitProcessors(connection, head, (processor, seconds) -> {
                if (behind.get(processor) > 0) {
                    row(
                            "catch-up of " + processor + " on " + behind.get(processor) + " events behind, events/s",
                            behind.get(processor) / seconds,
                            null,
                            "");
                }
            });
        }
    }

    private static long head(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Until every tracking processor has reached {@code head}; each one, as it does, with the seconds it took. */
    private static void awaitProcessors(Connection connection, long head, BiConsumer<String, Double> reached)
            throws Exception {
        long start = System.nanoTime();
        Map<String, Long> pending = new TreeMap<>(positions(connection));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Map.Entry<String, Long> processor : positions(connection).entrySet()) {
                if (processor.getValue() >= head && pending.remove(processor.getKey()) != null) {
                    reached.accept(processor.getKey(), seconds);
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("still behind after 30 minutes: " + pending.keySet());
        }
    }

    /** Each tracking processor's position in the event table (the index of its token, segment 0). */
    private static Map<String, Long> positions(Connection connection) throws Exception {
        Map<String, Long> positions = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT processor_name, convert_from(token, 'UTF8') FROM token_entry "
                                + "WHERE segment = 0 AND token IS NOT NULL")) {
            while (rows.next()) {
                Matcher index = TOKEN_INDEX.matcher(rows.getString(2));
                positions.put(rows.getString(1), index.find() ? Long.parseLong(index.group(1)) : -1);
            }
        }
        return positions;
    }

    /** Assistants of ten events each, appended in bulk as Axon stores them (copies of real events' rows). */
    private int appendEvents(int events) throws Exception {
        try (Connection connection = DriverManager.getConnection(JDBC, "postgres", "postgres")) {
            String created;
            String updated;
            try (Statement statement = connection.createStatement();
                    ResultSet row =
                            statement.executeQuery("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                    + "WHERE payload_type LIKE '%AssistantCreated' LIMIT 1")) {
                row.next();
                created = row.getString(1);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet row =
                            statement.executeQuery("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                                    + "WHERE payload_type LIKE '%AssistantUpdated' LIMIT 1")) {
                row.next();
                updated = row.getString(1);
            }
            String template = JSON.readTree(created).get("assistant_id").asString();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index, "
                    + "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload, meta_data, time_stamp) "
                    + "VALUES (nextval('domain_event_entry_seq'), ?, ?, 'Assistant', ?, ?, ?, ?, ?)")) {
                byte[] metadata = "{\"actor\":\"benchmark\"}".getBytes(StandardCharsets.UTF_8);
                int appended = 0;
                while (appended < events) {
                    String id = UUID.randomUUID().toString();
                    String previous = StoredEvent.GENESIS;
                    for (int sequence = 0; sequence < 10 && appended < events; sequence++, appended++) {
                        String payload = (sequence == 0
                                ? created.replace(template, id)
                                : updated.replaceAll("\"assistant_id\":\"[^\"]+\"", "\"assistant_id\":\"" + id + "\""));
                        String eventId = UUID.randomUUID().toString();
                        String payloadType = sequence == 0
                                ? "io.github.assistantsplatform.events.AssistantCreated"
                                : "io.github.assistantsplatform.events.AssistantUpdated";
                        String timestamp = Instant.now().toString();
                        // linked as the event store links what it appends, so that verify finds an intact store
                        StoredEvent stored = StoredEvent.fromRow(
                                0,
                                "Assistant",
                                id,
                                sequence,
                                eventId,
                                timestamp,
                                payloadType,
                                null,
                                payload.getBytes(StandardCharsets.UTF_8),
                                metadata);
                        ObjectNode linked = stored.linkedMetadata(previous);
                        previous = linked.get(StoredEvent.HASH).stringValue();
                        insert.setString(1, id);
                        insert.setLong(2, sequence);
                        insert.setString(3, eventId);
                        insert.setString(4, payloadType);
                        insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(6, CanonicalJson.bytes(linked));
                        insert.setString(7, timestamp);
                        insert.addBatch();
                    }
                    if (appended % 10_000 == 0 || appended >= events) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                return appended;
            }
        }
    }

    /**
     * Each part's memory (a part's child processes counted with it: PostgreSQL's backends), and the sum; as the
     * proportional set size, so that pages the processes share (PostgreSQL's buffers, the JDK's libraries) are
     * counted once in the sum.
     */
    private void memory() throws Exception {
        Map<String, Long> parts = new LinkedHashMap<>(stack.pids());
        double total = proportionalMib(ProcessHandle.of(stack.launcherPid()).stream());
        row("memory (PSS) of the launcher after the load (MiB)", total, null, "");
        for (Map.Entry<String, Long> part : parts.entrySet()) {
            double mib = proportionalMib(ProcessHandle.of(part.getValue()).stream()
                    .flatMap(process -> Stream.concat(Stream.of(process), process.descendants())));
            total += mib;
            row(
                    "memory (PSS) of " + part.getKey() + " after the load (MiB)",
                    mib,
                    null,
                    part.getKey().endsWith("service") || part.getKey().equals("gateway") ? "<= 512" : "");
        }
        row("memory (PSS) of the whole local stack (MiB)", total, null, "< 2,560");
    }

    private static double proportionalMib(Stream<ProcessHandle> processes) {
        return processes.mapToLong(process -> proportionalKib(process.pid())).sum() / 1024.0;
    }

    private static long proportionalKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).stream()
                    .filter(line -> line.startsWith("Pss:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException gone) {
            return 0;
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String body) throws Exception {
        return send(method, url, token, body, Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(String method, String url, String token, String body, Duration timeout)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void waitUntilVisible(String id) throws Exception {
        while (send("GET", QUERY + "/api/v1/assistants/" + id, null, null).statusCode() != 200) {
            Thread.sleep(50);
        }
    }

    private void failuresOf(String what, Load.Result... results) {
        for (Load.Result result : results) {
            if (result.failures() > 0) {
                failures += result.failures();
                System.out.println("WARNING: " + result.failures() + " failed requests during the " + what);
            }
        }
    }

    /** Requests that did not get the expected answer, in all measured loads. */
    long failures() {
        return failures;
    }

    private void row(String figure, double value, Double baseline, String target) {
        table.add(new String[] {
            figure,
            format(value),
            baseline == null ? "" : format(baseline),
            baseline == null || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / baseline),
            target
        });
    }

    /** A load's rate (next to its baseline's, if any), then its latencies on the row below. */
    private void load(String figure, Load.Result result, Load.Result baseline, String target, String latencyTarget) {
        row(figure, result.perSecond(), baseline == null ? null : baseline.perSecond(), target);
        percentiles("  p50 / p99 (ms)", result.p50Millis(), result.p99Millis(), latencyTarget);
    }

    private void percentiles(String figure, double p50, double p99, String target) {
        table.add(new String[] {figure, format(p50) + " / " + format(p99), "", "", target});
    }

    private static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }

    void print() {
        System.out.printf(
                "%nBenchmarks, %s, %d cores%n%n",
                Instant.now(), Runtime.getRuntime().availableProcessors());
        System.out.println("| figure | value | baseline (same run) | ratio | target |");
        System.out.println("|---|---|---|---|---|");
        table.forEach(row -> System.out.println("| " + String.join(" | ", row) + " |"));
    }

    List<String[]> table() {
        return table;
    }
}
