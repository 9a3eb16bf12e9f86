package io.github.assistantsplatform.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic of assistant events, created by the publisher before its first record with the
 * settings it needs ({@link KafkaProperties.NewTopicSettings}) rather than by the broker's defaults
 * (which may delete old events, or refuse large ones). A topic that exists already is left as it is.
 */
class AssistantEventsTopic {

    private static final Logger log = LoggerFactory.getLogger(AssistantEventsTopic.class);

    private final KafkaProperties properties;
    private volatile boolean exists;

    AssistantEventsTopic(KafkaProperties properties) {
        this.properties = properties;
    }

    /** Creates the topic unless this JVM saw it exist; throws while Kafka cannot be reached (the batch is retried). */
    void ensureExists() {
        if (exists) {
            return;
        }
        KafkaProperties.NewTopicSettings settings = properties.newTopic();
        NewTopic topic = new NewTopic(properties.topic(), settings.partitions(), settings.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retentionMs()),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                                String.valueOf(2 * KafkaEventPublisher.MAX_RECORD_BYTES)));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                15_000))) {
            admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created topic {}: {}", properties.topic(), topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Topic " + properties.topic() + " could not be created", e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer whether topic " + properties.topic() + " exists", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + properties.topic(), e);
        }
        exists = true;
    }
}
