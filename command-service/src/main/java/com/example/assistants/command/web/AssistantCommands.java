package com.example.assistants.command.web;

import com.example.assistants.api.command.AssistantCommand;
import com.example.assistants.api.event.EventMetadata;
import com.example.assistants.support.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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

    AssistantCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(AssistantCommand command) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        MetaData metadata = MetaData.with(EventMetadata.ACTOR, SecurityContextHolder.getContext().getAuthentication().getName())
                .and(EventMetadata.CORRELATION_ID, RequestIds.correlationId(request))
                .and(EventMetadata.REQUEST_ID, RequestIds.requestId(request));
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata),
                TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
