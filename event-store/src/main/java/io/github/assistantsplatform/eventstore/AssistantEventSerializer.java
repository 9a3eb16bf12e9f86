package io.github.assistantsplatform.eventstore;

import io.github.assistantsplatform.events.AssistantEvent;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Axon's Jackson serializer, but an assistant event is stored under its type name
 * ({@link AssistantEvent#typeName}) and its {@link io.github.assistantsplatform.events.EventRevision}, not
 * under its Java class: a class moved to another package or module leaves every stored row readable.
 */
final class AssistantEventSerializer extends Jackson3Serializer {

    private static final Map<String, Class<? extends AssistantEvent>> TYPES = Arrays.stream(
                    AssistantEvent.class.getPermittedSubclasses())
            .map(type -> type.asSubclass(AssistantEvent.class))
            .collect(Collectors.toUnmodifiableMap(AssistantEvent::typeName, Function.identity()));

    AssistantEventSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null && AssistantEvent.class.isAssignableFrom(type)) {
            @SuppressWarnings("unchecked")
            Class<? extends AssistantEvent> event = type;
            return new SimpleSerializedType(
                    AssistantEvent.typeName(event), getRevisionResolver().revisionOf(type));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType type) {
        Class<? extends AssistantEvent> event = TYPES.get(type.getName());
        return event != null ? event.getName() : super.resolveClassName(type);
    }
}
