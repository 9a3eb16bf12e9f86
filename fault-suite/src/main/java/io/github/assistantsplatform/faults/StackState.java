package io.github.assistantsplatform.faults;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the local stack holds, read from each store directly: the event table, the read model's
 * collection, the topic, and the S3 server's folder. The source of truth is the event table;
 * everything else must converge to it.
 */
final class StackState {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOPIC = "assistants.events.v1";
    private static final String BUCKET = "assistant-avatars";

    private final Path dataDirectory;

    StackState(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
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
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:54321/assistants", "postgres", "postgres");
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

    /** The read model as MongoDB holds it: each assistant's version, and the object key of each avatar shown. */
    record ReadModel(Map<String, Long> versionOf, Set<String> shownAvatars) {

        /** The assistants whose version is not the event table's head yet. */
        List<String> behind(EventTable table) {
            return table.headOf().entrySet().stream()
                    .filter(head -> !head.getValue().equals(versionOf.get(head.getKey())))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** Read from the active collection directly: one query, where asking the API would be one request per assistant. */
    ReadModel readModel() {
        Map<String, Long> versions = new HashMap<>();
        Set<String> shown = new HashSet<>();
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:27018"))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .build())) {
            MongoDatabase database = client.getDatabase("assistants");
            Document pointer = database.getCollection("read_model_meta")
                    .find(Filters.eq("_id", "assistants"))
                    .first();
            String collection = pointer == null ? "assistants" : pointer.getString("collection");
            for (Document assistant : database.getCollection(collection).find()) {
                versions.put(assistant.getString("_id"), ((Number) assistant.get("version")).longValue());
                Document avatar = assistant.get("avatar", Document.class);
                if (avatar != null && !Boolean.TRUE.equals(assistant.getBoolean("deleted"))) {
                    shown.add(avatar.getString(avatar.containsKey("object_key") ? "object_key" : "objectKey"));
                }
            }
        }
        return new ReadModel(versions, shown);
    }

    /** The objects of the avatar bucket (S3Proxy keeps each as a file under the bucket's folder). */
    Set<String> storedObjects() throws IOException {
        Path bucket = dataDirectory.resolve("s3").resolve(BUCKET);
        if (!Files.isDirectory(bucket)) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        try (Stream<Path> files = Files.walk(bucket)) {
            files.filter(Files::isRegularFile)
                    .forEach(file -> keys.add(bucket.relativize(file).toString()));
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
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (table.headOf().containsKey(record.key())) {
                        long sequence =
                                JSON.readTree(record.value()).get("sequence").asLong();
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
}
