package com.example.assistants.faults;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the local stack holds, read from each store directly: the event table, the read model
 * through the API, the topic, and the S3 server's folder. The source of truth is the event table;
 * everything else must converge to it.
 */
final class StackState {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "assistants.events.v1";
    private static final String BUCKET = "assistant-avatars";

    private final Path dataDirectory;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StackState(Path dataDirectory, String adminToken) {
        this.dataDirectory = dataDirectory;
        this.adminToken = adminToken;
    }

    /** Each assistant's events in the event table: its highest sequence, and every "id:sequence" stored. */
    record EventTable(Map<String, Long> headOf, Set<String> stored) {
        boolean holds(WriteLoad.Ack ack) {
            return stored.contains(ack.id() + ":" + ack.version());
        }
    }

    EventTable eventTable(Collection<String> assistants) throws SQLException {
        Map<String, Long> heads = new HashMap<>();
        Set<String> stored = new HashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:54321/assistants", "postgres", "postgres");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT aggregate_identifier, sequence_number FROM domain_event_entry WHERE aggregate_identifier = ANY(?)")) {
            Array ids = connection.createArrayOf("varchar", assistants.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    long sequence = rows.getLong(2);
                    stored.add(id + ":" + sequence);
                    heads.merge(id, sequence, Math::max);
                }
            }
        }
        return new EventTable(heads, stored);
    }

    /** The assistants whose read model version is not the event table's head yet. */
    List<String> readModelBehind(EventTable table) throws IOException, InterruptedException {
        List<String> behind = new ArrayList<>();
        for (Map.Entry<String, Long> head : table.headOf().entrySet()) {
            HttpResponse<String> response = get("http://localhost:8080/api/v1/assistants/" + head.getKey());
            if (response.statusCode() != 200 || JSON.readTree(response.body()).get("version").asLong() != head.getValue()) {
                behind.add(head.getKey());
            }
        }
        return behind;
    }

    /** The object key each assistant shows now, as the read model has it. */
    Set<String> shownAvatars(Collection<String> assistants) throws IOException, InterruptedException {
        Set<String> shown = new HashSet<>();
        for (String id : assistants) {
            HttpResponse<String> response = get("http://localhost:8080/api/v1/assistants/" + id);
            if (response.statusCode() == 200) {
                JsonNode key = JSON.readTree(response.body()).get("avatar_image");
                if (key != null && !key.isNull()) {
                    shown.add(key.asString());
                }
            }
        }
        return shown;
    }

    /** The objects of the avatar bucket (S3Proxy keeps each as a file under the bucket's folder). */
    Set<String> storedObjects() throws IOException {
        Path bucket = dataDirectory.resolve("s3").resolve(BUCKET);
        if (!Files.isDirectory(bucket)) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(bucket)) {
            files.filter(Files::isRegularFile).forEach(file -> keys.add(bucket.relativize(file).toString()));
        }
        return keys;
    }

    /**
     * The assistants whose events are not all on the topic in order: reading it from the beginning,
     * the first time each sequence appears must be 0, 1, 2, ... up to the event table's head
     * (a sequence seen again is a redelivery, which at-least-once allows).
     */
    List<String> topicIncomplete(EventTable table) {
        Map<String, List<Long>> firstSeen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (table.headOf().containsKey(record.key())) {
                        long sequence = JSON.readTree(record.value()).get("sequence").asLong();
                        List<Long> seen = firstSeen.computeIfAbsent(record.key(), key -> new ArrayList<>());
                        if (!seen.contains(sequence)) {
                            seen.add(sequence);
                        }
                    }
                }
            }
        }
        List<String> incomplete = new ArrayList<>();
        table.headOf().forEach((id, head) -> {
            List<Long> seen = firstSeen.getOrDefault(id, List.of());
            boolean complete = seen.size() == head + 1;
            for (int i = 0; complete && i < seen.size(); i++) {
                complete = seen.get(i) == i;
            }
            if (!complete) {
                incomplete.add(id);
            }
        });
        return incomplete;
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
    }
}
