package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.events.AssistantEvent;
import io.github.assistantsplatform.events.AuditAnchored;
import io.github.assistantsplatform.events.StoredEventTypes;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Axon's Jackson serializer, but an assistant event (and {@link AuditAnchored}) is stored under its type name
 * ({@link AssistantEvent#typeName}) and its {@link io.github.assistantsplatform.events.EventRevision}, not
 * under its Java class: a class moved to another package or module leaves every stored row readable.
 */
final class AssistantEventSerializer extends Jackson3Serializer {

    AssistantEventSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null && StoredEventTypes.BY_NAME.get(type.getSimpleName()) == type) {
            return new SimpleSerializedType(
                    type.getSimpleName(), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType type) {
        Class<?> event = StoredEventTypes.BY_NAME.get(type.getName());
        return event != null ? event.getName() : super.resolveClassName(type);
    }
}
