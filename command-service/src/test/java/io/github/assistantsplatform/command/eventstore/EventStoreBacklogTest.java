package io.github.assistantsplatform.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.assistantsplatform.command.CommandServiceTest;
import io.github.assistantsplatform.eventstore.EventStoreConfiguration;
import io.github.assistantsplatform.support.test.TestKafka;
import io.github.assistantsplatform.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A backlog larger than the store's read-ahead (as after a downtime, or events appended by another
 * writer in bulk): the reads that fill the processors' shared cache are bounded, and the backlog is
 * still delivered whole, each event once.
 */
class EventStoreBacklogTest extends CommandServiceTest {

    private static final int BACKLOG = EventStoreConfiguration.READ_AHEAD + 500;

    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void aBacklogLargerThanTheReadAheadIsReadInBoundedStepsAndPublishedWhole() {
        String template = api.post("/api/v1/assistants", TestTokens.admin(), Map.of("name", "Backlog"))
                .json()
                .get("id")
                .asString();
        TrackingToken beforeBacklog = storageEngine.createHeadToken();
        List<String> ids = appendCreations(template, BACKLOG);

        try (Stream<? extends TrackedEventMessage<?>> tailing = storageEngine.readEvents(beforeBacklog, true);
                Stream<? extends TrackedEventMessage<?>> whole = storageEngine.readEvents(beforeBacklog, false)) {
            assertThat(tailing.count()).isEqualTo(EventStoreConfiguration.READ_AHEAD);
            assertThat(whole.count()).isEqualTo(BACKLOG);
        }

        try (KafkaConsumer<String, String> consumer = TestKafka.consumer("assistants.events.v1")) {
            Set<String> wanted = Set.copyOf(ids);
            List<ConsumerRecord<String, String>> records = TestKafka.poll(
                    consumer,
                    record -> wanted.contains(record.key()),
                    seen -> seen.size() >= BACKLOG,
                    Duration.ofSeconds(60));
            // one record per assistant (Kafka orders by key, and each assistant has one event here)
            assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    /** Copies of a real creation's row for new assistants, written in one batch as another writer would. */
    private List<String> appendCreations(String template, int count) {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT convert_from(payload, 'UTF8') AS payload, meta_data, payload_type, payload_revision "
                        + "FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0",
                template);
        List<String> ids = new ArrayList<>();
        List<EventRows.Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            rows.add(new EventRows.Row(
                    id,
                    0,
                    UUID.randomUUID().toString(),
                    (String) row.get("payload_type"),
                    (String) row.get("payload_revision"),
                    ((String) row.get("payload")).replace(template, id).getBytes(StandardCharsets.UTF_8),
                    (byte[]) row.get("meta_data"),
                    Instant.now().toString()));
        }
        EventRows.insert(jdbc, rows);
        return ids;
    }
}
