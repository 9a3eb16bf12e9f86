package io.github.assistantsplatform.command.web;

import io.github.assistantsplatform.api.command.AssistantCommand;
import io.github.assistantsplatform.api.error.AssistantNotFoundException;
import io.github.assistantsplatform.api.error.VersionConflictException;
import io.github.assistantsplatform.events.EventMetadata;
import io.github.assistantsplatform.support.tracing.TraceContext;
import io.github.assistantsplatform.support.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Sends a command stamped with who asked and which request it belongs to; events inherit the stamp. */
@Component
public class AssistantCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway gateway;
    private final TraceContext traces;

    AssistantCommands(CommandGateway gateway, TraceContext traces) {
        this.gateway = gateway;
        this.traces = traces;
    }

    public <R> R send(AssistantCommand command) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        MetaData metadata = MetaData.with(
                        EventMetadata.ACTOR,
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .and(EventMetadata.CORRELATION_ID, RequestIds.correlationId(request))
                .and(EventMetadata.REQUEST_ID, RequestIds.requestId(request))
                .mergedWith(traces.current());
        try {
            return gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metadata),
                    TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (AggregateNotFoundException e) {
            // a deleted assistant too (AggregateDeletedException)
            throw new AssistantNotFoundException(command.assistantId());
        } catch (ConcurrencyException e) {
            // another writer appended the same sequence number first: the caller's view is stale
            throw new VersionConflictException(command.assistantId());
        }
    }
}
