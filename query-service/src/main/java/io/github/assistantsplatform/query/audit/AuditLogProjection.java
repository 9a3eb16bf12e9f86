package io.github.assistantsplatform.query.audit;

import io.github.assistantsplatform.events.AssistantEvent;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the audit log up to date with the event store (tracking processor "audit-log"), one bulk write
 * per batch of events. A failed write is not skipped (Axon's default for a handler's failure): it fails
 * the batch, whose token stays, and the processor tries it again (1 s, then up to a minute apart) until
 * MongoDB answers.
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
class AuditLogProjection {

    static final String PROCESSING_GROUP = "audit-log";

    private final AuditLog auditLog;

    AuditLogProjection(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Bean
    static ConfigurerModule auditLogFailuresAreRetried() {
        return configurer -> configurer.eventProcessing(processing -> processing.registerListenerInvocationErrorHandler(
                PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance()));
    }

    @EventHandler
    void on(AssistantEvent event, DomainEventMessage<?> message, TrackingToken token, UnitOfWork<?> unitOfWork) {
        Batch batch = unitOfWork.root().getOrComputeResource(Batch.class.getName(), key -> {
            Batch started = new Batch(new ArrayList<>(), new ArrayList<>());
            unitOfWork.root().onPrepareCommit(committing -> auditLog.record(started.events(), started.positions()));
            return started;
        });
        batch.events().add(message);
        batch.positions().add(token.position().orElseThrow());
    }

    private record Batch(List<DomainEventMessage<?>> events, List<Long> positions) {}
}
