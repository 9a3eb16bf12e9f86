package io.github.assistantsplatform.query.audit;

import io.github.assistantsplatform.events.AssistantEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.List;

/** Keeps the audit log up to date with the event store (tracking processor "audit-log"), event by event. */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
class AuditLogProjection {

    static final String PROCESSING_GROUP = "audit-log";

    private final AuditLog auditLog;

    AuditLogProjection(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @EventHandler
    void on(AssistantEvent event, DomainEventMessage<?> message, TrackingToken token) {
        auditLog.record(List.of(message), List.of(token.position().orElseThrow()));
    }
}
