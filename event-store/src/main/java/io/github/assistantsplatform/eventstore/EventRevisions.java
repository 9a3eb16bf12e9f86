package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.events.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/** An event's revision as its {@link EventRevision} says; none for anything else the serializer writes. */
final class EventRevisions implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
