package io.github.assistantsplatform.command.assistant;

import io.github.assistantsplatform.api.command.AssistantCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * Finds the target assistant from {@link AssistantCommand#assistantId()}, so that the commands in
 * shared-api need no Axon annotation. Version checks (If-Match) are the aggregate's decision.
 */
@Component("assistantCommandTargetResolver")
public class AssistantCommandTargetResolver implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        if (command.getPayload() instanceof AssistantCommand assistantCommand) {
            return new VersionedAggregateIdentifier(
                    assistantCommand.assistantId().toString(), null);
        }
        throw new IdentifierMissingException(
                "Not an assistant command: " + command.getPayloadType().getName());
    }
}
