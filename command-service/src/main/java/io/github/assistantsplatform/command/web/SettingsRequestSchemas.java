package io.github.assistantsplatform.command.web;

import io.github.assistantsplatform.model.AssistantSettings;
import io.github.assistantsplatform.model.SettingsJson;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two request bodies as what they are, derived from the settings' own schema (springdoc's reading of
 * {@link AssistantSettings}' constraints), so that a new setting shows in both without an edit here: a
 * create needs only {@code name} and documents every other field's default; an update is a JSON merge
 * patch (RFC 7396) where nothing is required, {@code configuration} is a patch too, and a null is allowed
 * exactly where it clears a field. Fields no request writes are marked read-only.
 */
@Component
class SettingsRequestSchemas implements OpenApiCustomizer {

    static final String CREATE = "AssistantCreateRequest";
    static final String PATCH = "AssistantMergePatch";
    static final String CONFIGURATION_PATCH = "AssistantConfigurationPatch";
    private static final String SETTINGS = "AssistantSettings";
    private static final String CONFIGURATION = "AssistantConfiguration";
    private static final String REFS = "#/components/schemas/";
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final String APPLICATION_JSON = "application/json";
    /** RFC 7396's own media type; application/json is taken alike. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Schema<?> settings = schemas.remove(SETTINGS);
        if (settings == null) {
            return;
        }
        Set<String> notNull = Set.copyOf(settings.getRequired());

        Schema<?> create = copy(settings)
                .description("An assistant to create: `name`, and any other setting, each left out (or null) taking "
                        + "the default shown");
        create.setRequired(List.of("name"));
        ObjectNode defaults = SettingsJson.tree(AssistantSettings.DEFAULTS);
        create.getProperties().forEach((name, property) -> {
            JsonNode value = defaults.get(name);
            if (value != null && !value.isNull()) {
                // plain values (maps, lists, numbers), which swagger's own Jackson writes as they are
                property.setDefault(PLAIN.treeToValue(value, Object.class));
            }
        });

        Schema<?> patch = copy(settings)
                .description("A JSON merge patch (RFC 7396) of the assistant's settings: a field left out stays, "
                        + "a null clears a field that may be empty (any other null is a 422)");
        patch.setRequired(null);
        patch.getProperties().forEach((name, property) -> {
            if (!notNull.contains(name)) {
                property.addType("null");
            }
        });
        patch.getProperties().put("configuration", new Schema<>().$ref(REFS + CONFIGURATION_PATCH));
        Schema<?> configurationPatch = copy(schemas.get(CONFIGURATION))
                .description("A merge patch of the generation parameters: a field left out stays");
        configurationPatch.setRequired(null);

        for (Schema<?> body : List.of(create, patch)) {
            body.getProperties().forEach((name, property) -> {
                if (AssistantSettings.READ_ONLY.contains(name)) {
                    property.setReadOnly(true);
                }
            });
        }
        schemas.put(CREATE, create);
        schemas.put(PATCH, patch);
        schemas.put(CONFIGURATION_PATCH, configurationPatch);
        api.getPaths()
                .values()
                .forEach(path -> path.readOperations().forEach(operation -> {
                    if (operation.getRequestBody() == null) {
                        return;
                    }
                    Content content = operation.getRequestBody().getContent();
                    MediaType json = content.get(APPLICATION_JSON);
                    if (json == null
                            || json.getSchema() == null
                            || !(REFS + SETTINGS).equals(json.getSchema().get$ref())) {
                        return;
                    }
                    boolean isCreate = "createAssistant".equals(operation.getOperationId());
                    json.setSchema(new Schema<>().$ref(REFS + (isCreate ? CREATE : PATCH)));
                    if (!isCreate) {
                        content.addMediaType(MERGE_PATCH, json);
                    }
                }));
    }

    private static Schema<?> copy(Schema<?> schema) {
        return Json31.mapper().convertValue(schema, Schema.class);
    }
}
