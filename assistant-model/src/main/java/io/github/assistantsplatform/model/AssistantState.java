package io.github.assistantsplatform.model;

import io.github.assistantsplatform.events.AssistantCreated;
import io.github.assistantsplatform.events.AssistantDeleted;
import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AssistantUpdated;
import io.github.assistantsplatform.events.Avatar;
import io.github.assistantsplatform.events.AvatarRemoved;
import io.github.assistantsplatform.events.AvatarSet;
import io.github.assistantsplatform.events.SemanticCachePurged;

import java.time.Instant;
import java.util.UUID;

/**
 * An assistant as folded from its events: the one rule for what each event does to the state,
 * used by the aggregate, the read model projection, avatar-service's view and the {@code as_of} view alike.
 *
 * @param version the sequence number of the last event folded in
 */
public record AssistantState(
        UUID id,
        AssistantSettings settings,
        Avatar avatar,
        Instant createdAt,
        Instant updatedAt,
        long version,
        boolean deleted) {

    /** The state after {@code event}, the event numbered {@code sequence} and stamped {@code at}; null before creation. */
    public static AssistantState fold(AssistantState state, AssistantEvent event, long sequence, Instant at) {
        if (state == null && !(event instanceof AssistantCreated)) {
            throw new IllegalStateException("Event " + sequence + " of assistant " + event.assistantId() + " ("
                    + AssistantEvent.typeName(event.getClass()) + ") comes before its creation");
        }
        return event.accept(new AssistantEvent.Visitor<>() {
            @Override
            public AssistantState created(AssistantCreated created) {
                return new AssistantState(
                        created.assistantId(), SettingsJson.stored(created.settings()), null, at, at, sequence, false);
            }

            @Override
            public AssistantState updated(AssistantUpdated updated) {
                return new AssistantState(
                        state.id,
                        SettingsJson.applied(state.settings, updated.changes()),
                        state.avatar,
                        state.createdAt,
                        at,
                        sequence,
                        state.deleted);
            }

            @Override
            public AssistantState deleted(AssistantDeleted deleted) {
                return new AssistantState(state.id, state.settings, state.avatar, state.createdAt, at, sequence, true);
            }

            @Override
            public AssistantState avatarSet(AvatarSet avatarSet) {
                return new AssistantState(
                        state.id, state.settings, avatarSet.avatar(), state.createdAt, at, sequence, state.deleted);
            }

            @Override
            public AssistantState avatarRemoved(AvatarRemoved removed) {
                return new AssistantState(state.id, state.settings, null, state.createdAt, at, sequence, state.deleted);
            }

            @Override
            public AssistantState cachePurged(SemanticCachePurged purged) {
                // the cache is not part of the assistant: only the position in its history moves
                return new AssistantState(
                        state.id,
                        state.settings,
                        state.avatar,
                        state.createdAt,
                        state.updatedAt,
                        sequence,
                        state.deleted);
            }
        });
    }
}
