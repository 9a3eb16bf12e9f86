package com.example.assistants.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where assistant events are published ({@code ASSISTANTS_KAFKA_BOOTSTRAP_SERVERS}, {@code ASSISTANTS_KAFKA_TOPIC}). */
@ConfigurationProperties("assistants.kafka")
record KafkaProperties(String bootstrapServers, String topic) {
}
