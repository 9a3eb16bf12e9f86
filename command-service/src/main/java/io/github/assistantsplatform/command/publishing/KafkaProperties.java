package io.github.assistantsplatform.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where assistant events are published ({@code ASSISTANTS_KAFKA_BOOTSTRAP_SERVERS}, {@code ASSISTANTS_KAFKA_TOPIC}),
 * the prefix of the publisher's transactional ids ({@code ASSISTANTS_KAFKA_TRANSACTIONAL_ID_PREFIX}): the
 * same on every replica, so that the one publishing a segment fences whoever published it before; and how
 * the topic is created when it does not exist yet.
 */
@ConfigurationProperties("assistants.kafka")
record KafkaProperties(String bootstrapServers, String topic, String transactionalIdPrefix, NewTopicSettings newTopic) {

    /**
     * @param retentionMs -1 (the default): events are kept for ever, since avatar-service's view and new
     *                    consumers read the topic from its beginning
     */
    record NewTopicSettings(int partitions, short replicationFactor, int minInsyncReplicas, long retentionMs) {}
}
