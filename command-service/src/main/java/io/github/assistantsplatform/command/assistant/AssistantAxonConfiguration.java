package io.github.assistantsplatform.command.assistant;

import io.github.assistantsplatform.events.EventMetadata;
import io.github.assistantsplatform.model.AssistantSnapshot;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;

@Configuration(proxyBeanMethods = false)
class AssistantAxonConfiguration {

    /** Every event an assistant command causes carries the command's actor, request ids and trace context. */
    @Bean
    CorrelationDataProvider requestMetadata() {
        List<String> keys =
                new ArrayList<>(List.of(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID, EventMetadata.REQUEST_ID));
        keys.addAll(EventMetadata.TRACE_CONTEXT);
        return new SimpleCorrelationDataProvider(keys.toArray(String[]::new));
    }

    /**
     * An assistant loaded from more events than this since its last snapshot is snapshotted after the command,
     * so that loading it costs the snapshot and at most this many events however long its history grows.
     */
    @Bean
    SnapshotTriggerDefinition assistantSnapshots(
            Snapshotter snapshotter, @Value("${assistants.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** Only snapshots of today's shape are read; any other is passed over and the events are folded instead. */
    @Bean
    SnapshotFilter assistantSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                // as the type column names it: the builder's type(Class) takes the full name, which never matches
                .type(Assistant.class.getSimpleName())
                .revision(AssistantSnapshot.REVISION)
                .build();
    }
}
