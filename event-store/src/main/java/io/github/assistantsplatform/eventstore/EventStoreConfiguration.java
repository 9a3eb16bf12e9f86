package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.eventstore.upcasting.AssistantCreatedRevision2;
import io.github.assistantsplatform.eventstore.upcasting.EventTypesOfTheFirstRelease;
import io.github.assistantsplatform.model.PlatformJson;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The event store as every service reads it, imported by each service's application class. Declaring
 * the store means declaring its engine too (Axon's auto-configuration steps back for both); the engine
 * is built as Axon's JPA auto-configuration builds it. {@code assistants.event-store.poll-interval}:
 * query-service learns of the events command-service writes only by polling, and Axon's default of once
 * a second would be the read model's lag (a poll that finds nothing is one indexed query on the global
 * index).
 *
 * <p>The events the store holds for its tracking processors are bounded: the shared cache and each
 * read from the database to {@link #READ_AHEAD} events (see {@link AssistantEventStorageEngine}),
 * and a processor that stops reading, say while its handler retries, is moved off the shared cache
 * within {@link #CLEANUP_DELAY} instead of Axon's ten seconds, during which the cache it holds grows.
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventStoreConfiguration {

    public static final int READ_AHEAD = 1_000;
    static final Duration CLEANUP_DELAY = Duration.ofSeconds(1);

    /** How events are written: the platform's JSON conventions, stable type names, their revisions. */
    @Bean
    @Qualifier("eventSerializer")
    static Serializer eventSerializer() {
        return new AssistantEventSerializer(Jackson3Serializer.builder()
                .revisionResolver(new EventRevisions())
                .jsonMapperBuilderCustomizer(PlatformJson::conventions));
    }

    /** Every change to an event's shape since the first release, oldest first: each row is read as today's shape. */
    static EventUpcasterChain upcasters() {
        return new EventUpcasterChain(new EventTypesOfTheFirstRelease(), new AssistantCreatedRevision2());
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            @Value("${assistants.event-store.chain:true}") boolean chain) {
        return new AssistantEventStorageEngine(
                JpaEventStorageEngine.builder()
                        .snapshotSerializer(serializer)
                        .eventSerializer(eventSerializer)
                        .upcasterChain(upcasters())
                        .snapshotFilter(configuration.snapshotFilter())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .entityManagerProvider(entityManagerProvider)
                        .transactionManager(transactionManager),
                READ_AHEAD,
                chain ? new StreamLinks() : null);
    }

    /**
     * The token store, as Axon's JPA auto-configuration builds it but for the name under which this
     * replica claims segments ({@code token_entry.owner}): Axon's default ({@code pid@host}) is the same
     * for two applications in one JVM and for two containers that share a host name and run as pid 1,
     * which would then both hold every claim and handle every event twice.
     */
    @Bean
    TokenStore tokenStore(
            Serializer serializer,
            EntityManagerProvider entityManagerProvider,
            @Value("${assistants.event-store.claim-timeout:10s}") Duration claimTimeout,
            @Value("${assistants.event-store.node-id:}") String nodeId) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(
                        nodeId.isBlank()
                                ? ManagementFactory.getRuntimeMXBean().getName() + "/"
                                        + UUID.randomUUID().toString().substring(0, 8)
                                : nodeId)
                .build();
    }

    /** What the tracking processors read (each one's {@code source}): the event store, its waits cut into slices. */
    @Bean
    PromptEventStreams promptEventStreams(EventStore eventStore) {
        return new PromptEventStreams(eventStore);
    }

    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            @Value("${assistants.event-store.poll-interval:1s}") Duration pollInterval) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .cachedEvents(READ_AHEAD)
                .cleanupDelay(CLEANUP_DELAY.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }
}
