package com.example.assistants.command.assistant;

import com.example.assistants.api.assistant.AssistantResponse;
import com.example.assistants.api.assistant.AssistantSettings;
import com.example.assistants.api.assistant.AssistantUpdate;
import com.example.assistants.api.assistant.Avatar;
import com.example.assistants.api.command.CreateAssistant;
import com.example.assistants.api.command.DeleteAssistant;
import com.example.assistants.api.command.RecordSemanticCachePurge;
import com.example.assistants.api.command.RemoveAvatar;
import com.example.assistants.api.command.SetAvatar;
import com.example.assistants.api.command.UpdateAssistant;
import com.example.assistants.api.error.InvalidAssistantException;
import com.example.assistants.api.error.VersionConflictException;
import com.example.assistants.api.event.AssistantCreated;
import com.example.assistants.api.event.AssistantDeleted;
import com.example.assistants.api.event.AssistantUpdated;
import com.example.assistants.api.event.AvatarRemoved;
import com.example.assistants.api.event.AvatarSet;
import com.example.assistants.api.event.SemanticCachePurged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * An AI assistant. Command handlers decide and answer with the resulting state, so that the
 * caller does not wait for any read model; event sourcing handlers only assign state. A deleted
 * assistant is marked deleted, so every later command on it fails as not found.
 */
@Aggregate(commandTargetResolver = "assistantCommandTargetResolver")
public class Assistant {

    @AggregateIdentifier
    private UUID id;
    private AssistantSettings settings;
    private Avatar avatar;
    private Instant createdAt;
    private Instant updatedAt;

    protected Assistant() {
        // for Axon: created empty, then built from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public AssistantResponse handle(CreateAssistant command) {
        requireValid(command.settings());
        apply(new AssistantCreated(command.assistantId(), command.settings()));
        return state();
    }

    @CommandHandler
    public AssistantResponse handle(UpdateAssistant command) {
        long version = getVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new VersionConflictException(id, command.expectedVersion(), version);
        }
        AssistantSettings updated = settings.with(command.changes());
        requireValid(updated);
        AssistantUpdate changes = AssistantUpdate.between(settings, updated);
        if (!changes.changesNothing()) {
            apply(new AssistantUpdated(id, changes));
        }
        return state();
    }

    @CommandHandler
    public void handle(DeleteAssistant command) {
        apply(new AssistantDeleted(id));
    }

    @CommandHandler
    public AssistantResponse handle(SetAvatar command) {
        if (!command.avatar().equals(avatar)) {
            apply(new AvatarSet(id, command.avatar()));
        }
        return state();
    }

    @CommandHandler
    public AssistantResponse handle(RemoveAvatar command) {
        if (avatar == null) {
            throw new AvatarNotFoundException(id);
        }
        apply(new AvatarRemoved(id, avatar.objectKey()));
        return state();
    }

    @CommandHandler
    public void handle(RecordSemanticCachePurge command) {
        apply(new SemanticCachePurged(id, command.deletedCount()));
    }

    private static void requireValid(AssistantSettings settings) {
        var violations = settings.crossFieldViolations();
        if (!violations.isEmpty()) {
            throw new InvalidAssistantException(violations);
        }
    }

    private AssistantResponse state() {
        return AssistantResponse.of(id, settings, avatar, createdAt, updatedAt, getVersion());
    }

    @EventSourcingHandler
    void on(AssistantCreated event, @Timestamp Instant at) {
        id = event.assistantId();
        settings = event.settings();
        createdAt = at;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(AssistantUpdated event, @Timestamp Instant at) {
        settings = settings.with(event.changes());
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(AvatarSet event, @Timestamp Instant at) {
        avatar = event.avatar();
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(AvatarRemoved event, @Timestamp Instant at) {
        avatar = null;
        updatedAt = at;
    }

    @EventSourcingHandler
    void on(AssistantDeleted event) {
        markDeleted();
    }
}
