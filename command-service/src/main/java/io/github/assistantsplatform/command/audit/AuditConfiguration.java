package io.github.assistantsplatform.command.audit;

import io.github.assistantsplatform.support.web.DependencyUnavailability;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AnchorBucket anchorBucket(
            AuditProperties properties,
            @Value("${assistants.s3.endpoint}") String endpoint,
            @Value("${assistants.s3.access-key}") String accessKey,
            @Value("${assistants.s3.secret-key}") String secretKey) {
        MinioClient client = MinioClient.builder()
                .endpoint(endpoint)
                .credentials(accessKey, secretKey)
                .build();
        client.setTimeout(2_000, 30_000, 30_000);
        return new AnchorBucket(client, properties);
    }

    @Bean
    EventTableScans eventTableScans(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new EventTableScans(jdbc, transactions);
    }

    @Bean
    Anchoring anchoring(
            EventTableScans scans,
            AnchorBucket bucket,
            EventStore eventStore,
            PlatformTransactionManager transactions,
            AuditProperties properties,
            MeterRegistry meters) {
        return new Anchoring(scans, bucket, eventStore, transactions, properties, Clock.systemUTC(), meters);
    }

    @Bean
    StoreVerification storeVerification(EventTableScans scans, AnchorBucket bucket, Anchoring anchoring) {
        return new StoreVerification(scans, bucket, anchoring);
    }

    @Bean
    AuditExport auditExport(EventTableScans scans) {
        return new AuditExport(scans);
    }

    /** The anchor bucket out of reach: the anchor or the verify is answered 503, nothing was written. */
    @Bean
    DependencyUnavailability anchorBucketUnavailable() {
        return failure -> failure instanceof AnchorBucket.AnchorBucketException;
    }
}
