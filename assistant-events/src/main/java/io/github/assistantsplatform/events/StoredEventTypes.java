package io.github.assistantsplatform.events;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every type of event the store holds, by its stored name: the assistants' and the audit's anchors. */
public final class StoredEventTypes {

    public static final Map<String, Class<?>> BY_NAME = Stream.concat(
                    Arrays.stream(AssistantEvent.class.getPermittedSubclasses()), Stream.of(AuditAnchored.class))
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private StoredEventTypes() {}
}
