package io.github.assistantsplatform.query.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.github.assistantsplatform.support.web.DependencyUnavailability;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsConnectionPoolListener;
import org.bson.Document;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoConfiguration.MongoProperties.class)
class MongoConfiguration {

    @ConfigurationProperties("assistants.mongodb")
    record MongoProperties(String uri, String database) {}

    /**
     * Short timeouts: with MongoDB down a read answers 503 in seconds, not after the driver's 30 s default.
     * Every command is timed and the pool measured (mongodb.driver.commands, mongodb.driver.pool.*).
     */
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(MongoProperties properties, MeterRegistry registry) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .addCommandListener(new MongoMetricsCommandListener(registry))
                .applyToConnectionPoolSettings(
                        pool -> pool.addConnectionPoolListener(new MongoMetricsConnectionPoolListener(registry)))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(
                        socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    MongoDatabase readModelDatabase(MongoClient client, MongoProperties properties) {
        return client.getDatabase(properties.database());
    }

    /** Reads answer 503 while MongoDB cannot be reached. */
    @Bean
    DependencyUnavailability mongoUnavailable() {
        return MongoFailures::isUnavailable;
    }

    /** Part of readiness: a replica that cannot reach MongoDB answers every read 503 (within the 2 s above). */
    @Bean
    HealthIndicator readModelHealthIndicator(MongoDatabase readModelDatabase) {
        return () -> {
            try {
                readModelDatabase.runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (MongoException e) {
                return Health.down()
                        .withDetail("reason", "MongoDB cannot be reached")
                        .build();
            }
        };
    }
}
