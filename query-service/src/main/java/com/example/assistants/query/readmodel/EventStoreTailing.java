package com.example.assistants.query.readmodel;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read side tails it. Events are written by another JVM (command-service),
 * so this one learns of them only by polling; Axon's default of once a second would be the read
 * model's lag. A poll that finds nothing new is one indexed query on the global index. Declaring
 * the store means declaring its engine too (Axon's auto-configuration steps back for both); the
 * engine is built as Axon's JPA auto-configuration builds it.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreTailing {

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  @Value("${assistants.read-model.poll-interval:20ms}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(pollInterval.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
