package io.github.assistantsplatform.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaProperties.class)
class KafkaPublishingConfiguration {

    @Bean
    AssistantEventsTopic assistantEventsTopic(KafkaProperties properties) {
        return new AssistantEventsTopic(properties);
    }

    /**
     * Transactional (so acks=all and idempotent): a committed event is on every in-sync replica, a
     * retried send can neither duplicate nor reorder within a partition, and a batch is visible to
     * read_committed consumers whole or not at all. Short blocking limits, so that with Kafka down
     * the publisher fails fast and its processor backs off instead of hanging.
     */
    @Bean(destroyMethod = "close")
    SegmentProducers assistantEventProducers(KafkaProperties properties, MeterRegistry registry) {
        return new SegmentProducers(
                properties.transactionalIdPrefix(),
                transactionalId -> new KafkaProducer<>(
                        Map.<String, Object>ofEntries(
                                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()),
                                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 1),
                                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaEventPublisher.MAX_RECORD_BYTES),
                                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                                Map.entry(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId),
                                Map.entry(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000),
                                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, transactionalId)),
                        new StringSerializer(),
                        new ByteArraySerializer()),
                registry);
    }
}
