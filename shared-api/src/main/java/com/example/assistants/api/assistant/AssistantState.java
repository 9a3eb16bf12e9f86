package com.example.assistants.api.assistant;

import com.example.assistants.api.event.AssistantCreated;
import com.example.assistants.api.event.AssistantDeleted;
import com.example.assistants.api.event.AssistantEvent;
import com.example.assistants.api.event.AssistantUpdated;
import com.example.assistants.api.event.AvatarRemoved;
import com.example.assistants.api.event.AvatarSet;
import com.example.assistants.api.event.SemanticCachePurged;

import java.time.Instant;
import java.util.UUID;

/**
 * An assistant as folded from its events: the one rule for what each event does to the state,
 * used by the aggregate, the read model projection and the {@code as_of} view alike.
 *
 * @param version the sequence number of the last event folded in
 */
public record AssistantState(UUID id, AssistantSettings settings, Avatar avatar, Instant createdAt, Instant updatedAt,
                             long version, boolean deleted) {

    /** The state after {@code event}, the event numbered {@code sequence} and stamped {@code at}; null before creation. */
    public static AssistantState fold(AssistantState state, AssistantEvent event, long sequence, Instant at) {
        if (event instanceof AssistantCreated created) {
            return new AssistantState(created.assistantId(), created.settings(), null, at, at, sequence, false);
        }
        if (state == null) {
            throw new IllegalStateException("Event " + sequence + " of assistant " + event.assistantId()
                    + " (" + event.getClass().getSimpleName() + ") comes before its creation");
        }
        if (event instanceof AssistantUpdated updated) {
            return new AssistantState(state.id, state.settings.with(updated.changes()), state.avatar, state.createdAt, at,
                    sequence, state.deleted);
        }
        if (event instanceof AvatarSet avatarSet) {
            return new AssistantState(state.id, state.settings, avatarSet.avatar(), state.createdAt, at, sequence, state.deleted);
        }
        if (event instanceof AvatarRemoved) {
            return new AssistantState(state.id, state.settings, null, state.createdAt, at, sequence, state.deleted);
        }
        if (event instanceof AssistantDeleted) {
            return new AssistantState(state.id, state.settings, state.avatar, state.createdAt, at, sequence, true);
        }
        if (event instanceof SemanticCachePurged) {
            // the cache is not part of the assistant: only the position in its history moves
            return new AssistantState(state.id, state.settings, state.avatar, state.createdAt, state.updatedAt, sequence,
                    state.deleted);
        }
        throw new IllegalArgumentException("Unknown assistant event " + event.getClass().getName());
    }

    public AssistantResponse toResponse() {
        return AssistantResponse.of(id, settings, avatar, createdAt, updatedAt, version);
    }
}
