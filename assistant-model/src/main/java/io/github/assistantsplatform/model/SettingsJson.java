package io.github.assistantsplatform.model;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings as JSON objects, which is how requests carry them and events store them: a create is a
 * merge patch (RFC 7396) over {@link AssistantSettings#DEFAULTS}, an update one over the current
 * settings, and an {@code AssistantUpdated} event holds the patch from the old settings to the new. No
 * field is named here: a new setting needs nothing in this class.
 */
public final class SettingsJson {

    /** Requests are read strictly: a misspelt field, a wrong type or a "25" for 25 is an error. */
    private static final JsonMapper STRICT =
            PlatformJson.strictRequests(JsonMapper.builder()).build();
    /** Stored settings are read leniently: a field a newer version added is no reason to stop a replay. */
    private static final JsonMapper LENIENT = PlatformJson.conventions(JsonMapper.builder())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SettingsJson() {}

    /** The settings a create request asks for: its fields over the defaults, a null taken as "the default". */
    public static AssistantSettings created(JsonNode request) {
        ObjectNode patch = withoutNulls(writable(request));
        return read(merge(tree(AssistantSettings.DEFAULTS), patch)).requireValid();
    }

    /** The settings an update request leads to: its fields over {@code current}, a null clearing a field. */
    public static AssistantSettings updated(AssistantSettings current, JsonNode request) {
        return read(merge(tree(current), writable(request))).requireValid();
    }

    /** The merge patch that leads from {@code before} to {@code after}: only what differs; empty when nothing does. */
    public static ObjectNode changes(AssistantSettings before, AssistantSettings after) {
        return diff(tree(before), tree(after));
    }

    /** The settings after the stored {@code changes}; no rule is checked, for a replay folds what was decided. */
    public static AssistantSettings applied(AssistantSettings settings, ObjectNode changes) {
        return stored(merge(tree(settings), changes));
    }

    /** Settings as an event stored them. */
    public static AssistantSettings stored(ObjectNode settings) {
        return LENIENT.treeToValue(settings, AssistantSettings.class);
    }

    public static ObjectNode tree(AssistantSettings settings) {
        return STRICT.valueToTree(settings);
    }

    static Set<String> namesAnnotated(Class<? extends Annotation> annotation) {
        return Arrays.stream(AssistantSettings.class.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(annotation))
                .map(component -> PlatformJson.jsonName(component.getName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static ObjectNode writable(JsonNode request) {
        if (!(request instanceof ObjectNode object)) {
            throw new ValidationException(List.of(new FieldViolation("body", "must be a JSON object")));
        }
        // the request's own tree: nobody reads it after it is merged
        object.remove(AssistantSettings.READ_ONLY);
        return object;
    }

    private static ObjectNode withoutNulls(ObjectNode patch) {
        patch.properties().removeIf(field -> field.getValue().isNull());
        patch.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode nested) {
                withoutNulls(nested);
            }
        });
        return patch;
    }

    /** RFC 7396 but for null, which sets a field to null (the rules then say whether it may be). */
    private static ObjectNode merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            JsonNode current = target.get(field.getKey());
            if (field.getValue() instanceof ObjectNode nested && current instanceof ObjectNode base) {
                merge(base, nested);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
        return target;
    }

    private static ObjectNode diff(ObjectNode before, ObjectNode after) {
        ObjectNode changes = after.objectNode();
        for (Map.Entry<String, JsonNode> field : after.properties()) {
            JsonNode old = before.get(field.getKey());
            if (field.getValue() instanceof ObjectNode nested && old instanceof ObjectNode base) {
                ObjectNode nestedChanges = diff(base, nested);
                if (!nestedChanges.isEmpty()) {
                    changes.set(field.getKey(), nestedChanges);
                }
            } else if (!field.getValue().equals(old == null ? after.nullNode() : old)) {
                changes.set(field.getKey(), field.getValue());
            }
        }
        return changes;
    }

    private static AssistantSettings read(ObjectNode settings) {
        try {
            return STRICT.treeToValue(settings, AssistantSettings.class);
        } catch (JacksonException e) {
            throw new ValidationException(List.of(JsonPaths.violation(e)));
        }
    }
}
