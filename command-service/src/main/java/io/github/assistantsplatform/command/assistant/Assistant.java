package io.github.assistantsplatform.command.assistant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.github.assistantsplatform.api.assistant.AssistantResponse;
import io.github.assistantsplatform.api.command.CreateAssistant;
import io.github.assistantsplatform.api.command.DeleteAssistant;
import io.github.assistantsplatform.api.command.RecordSemanticCachePurge;
import io.github.assistantsplatform.api.command.RemoveAvatar;
import io.github.assistantsplatform.api.command.SetAvatar;
import io.github.assistantsplatform.api.command.UpdateAssistant;
import io.github.assistantsplatform.api.error.VersionConflictException;
import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.SemanticCachePurged;
import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.AssistantSnapshot;
import io.github.assistantsplatform.model.AssistantState;
import io.github.assistantsplatform.model.FieldViolation;
import io.github.assistantsplatform.model.SettingsJson;
import io.github.assistantsplatform.model.ValidationException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An AI assistant. Command handlers decide and answer with the resulting state, so that the
 * caller does not wait for any read model; the event sourcing handler only folds the event into
 * the state ({@link AssistantState#fold}, the rule the read side folds by too). A deleted
 * assistant is marked deleted, so every later command on it fails as not found.
 */
@Aggregate(
        commandTargetResolver = "assistantCommandTargetResolver",
        snapshotTriggerDefinition = "assistantSnapshots",
        snapshotFilter = "assistantSnapshotFilter")
// a snapshot is this aggregate as JSON: its two fields, nothing a method computes
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision(AssistantSnapshot.REVISION)
public class Assistant {

    @AggregateIdentifier
    private UUID id;

    /** Named as {@link AssistantSnapshot#STATE} says: query-service reads it from snapshots. */
    private AssistantState state;

    protected Assistant() {
        // for Axon: created empty, then built from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public AssistantResponse handle(CreateAssistant command) {
        apply(new AssistantCreated(
                command.assistantId(), SettingsJson.tree(command.settings().requireValid())));
        return state();
    }

    @CommandHandler
    public AssistantResponse handle(UpdateAssistant command) {
        if (command.expectedVersion() != null && command.expectedVersion() != state.version()) {
            throw new VersionConflictException(id, command.expectedVersion(), state.version());
        }
        AssistantSettings updated = SettingsJson.updated(state.settings(), command.request());
        ObjectNode changes = SettingsJson.changes(state.settings(), updated);
        if (!changes.isEmpty()) {
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
        if (!command.avatar().isKeyedUnder(id)) {
            throw new ValidationException(List.of(new FieldViolation(
                    "object_key",
                    "must be " + Avatar.objectKey(id, "{sha256}", "{png|jpg|gif|webp}")
                            + " with the avatar's own sha256")));
        }
        if (!command.avatar().equals(state.avatar())) {
            apply(new AvatarSet(
                    id,
                    command.avatar(),
                    state.avatar() == null ? null : state.avatar().objectKey()));
        }
        return state();
    }

    /** Idempotent, as in the original API: removing an avatar that is not there changes nothing and is no error. */
    @CommandHandler
    public AssistantResponse handle(RemoveAvatar command) {
        if (state.avatar() != null) {
            apply(new AvatarRemoved(id, state.avatar().objectKey()));
        }
        return state();
    }

    @CommandHandler
    public AssistantResponse handle(RecordSemanticCachePurge command) {
        apply(new SemanticCachePurged(id, command.deletedCount()));
        return state();
    }

    private AssistantResponse state() {
        return AssistantResponse.of(state);
    }

    @EventSourcingHandler
    void on(AssistantEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        state = AssistantState.fold(state, event, sequence, at);
        id = state.id();
        if (state.deleted()) {
            markDeleted();
        }
    }
}
