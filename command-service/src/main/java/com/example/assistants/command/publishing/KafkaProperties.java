package com.example.assistants.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where assistant events are published ({@code ASSISTANTS_KAFKA_BOOTSTRAP_SERVERS}, {@code ASSISTANTS_KAFKA_TOPIC}),
 * and the prefix of the publisher's transactional ids ({@code ASSISTANTS_KAFKA_TRANSACTIONAL_ID_PREFIX}): the
 * same on every replica, so that the one publishing a segment fences whoever published it before.
 */
@ConfigurationProperties("assistants.kafka")
record KafkaProperties(String bootstrapServers, String topic, String transactionalIdPrefix) {
}
