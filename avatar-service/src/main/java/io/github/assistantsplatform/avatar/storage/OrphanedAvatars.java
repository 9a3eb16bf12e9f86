package io.github.assistantsplatform.avatar.storage;

import io.github.assistantsplatform.avatar.view.AssistantsView;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Deletes the objects no assistant shows: those of an upload whose {@code SetAvatar} never committed
 * (avatar-service or command-service died between the two, or the outcome was unknown). Runs
 * shortly after start and then periodically, against a view that has read every event published
 * before the run. An object is judged only once the topic holds an event that happened a grace
 * period after the object was written: events are published in the order they happened, so by then
 * any {@code AvatarSet} for it is in the view, however long the publisher lagged (Kafka down for
 * hours, say). So on a system where nothing happens any more, an orphan waits for the next event;
 * no clock-based rule may judge it sooner, since nothing but the topic tells whether the
 * publisher is behind (a fallback of ten grace periods deleted shown avatars in the fault suite's
 * Kafka outage). Deleting is idempotent: replicas may run it at the same time.
 */
@Component
public class OrphanedAvatars {

    private static final Logger log = LoggerFactory.getLogger(OrphanedAvatars.class);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(60);

    private final AvatarStorage storage;
    private final AssistantsView view;
    private final String bootstrapServers;
    private final String topic;
    private final Duration gracePeriod;

    OrphanedAvatars(
            AvatarStorage storage,
            AssistantsView view,
            @Value("${assistants.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${assistants.kafka.topic}") String topic,
            @Value("${assistants.avatars.orphan-grace-period}") Duration gracePeriod) {
        this.storage = storage;
        this.view = view;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.gracePeriod = gracePeriod;
    }

    @Scheduled(
            initialDelayString = "${assistants.avatars.orphan-check-initial-delay}",
            fixedDelayString = "${assistants.avatars.orphan-check-interval}")
    void scheduled() {
        try {
            deleteOrphans();
        } catch (RuntimeException e) {
            log.warn(
                    "Looking for orphaned avatar objects failed; it runs again at the next interval: {}", e.toString());
        }
    }

    /** Deletes the orphans now; how many, or -1 when the view could not be trusted yet. */
    public int deleteOrphans() {
        if (!view.isReady() || !awaitViewCaughtUp(endOffsets())) {
            log.info("Orphaned avatar objects not looked for: the assistants view has not caught up with {}", topic);
            return -1;
        }
        // events are published in order: one this late means every event about older objects is in the view
        Instant cutoff = view.newestEventTime().minus(gracePeriod);
        int deleted = 0;
        for (AvatarStorage.StoredObject object : storage.all()) {
            if (object.lastModified().isBefore(cutoff) && !shown(object.key())) {
                storage.delete(object.key());
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} avatar objects no assistant shows (older than {})", deleted, gracePeriod);
        }
        return deleted;
    }

    private boolean shown(String key) {
        int slash = key.indexOf('/');
        try {
            return slash > 0 && view.shows(UUID.fromString(key.substring(0, slash)), key);
        } catch (IllegalArgumentException notAnAssistantsPrefix) {
            return false;
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                return Map.of();
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(partition ->
                            latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Kafka's end offsets of " + topic + " could not be read", e);
        }
    }

    private boolean awaitViewCaughtUp(Map<TopicPartition, Long> ends) {
        long deadline = System.nanoTime() + VIEW_WAIT.toNanos();
        while (!view.hasRead(ends)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
