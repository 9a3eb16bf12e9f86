package io.github.assistantsplatform.command.publishing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code docs/asyncapi.yaml}, and a check of a record against the message it documents. The check covers
 * the JSON Schema the document uses: {@code $ref}, {@code allOf}, {@code type} (one or several),
 * {@code const}, {@code enum}, {@code required}, {@code properties}, {@code additionalProperties: false},
 * {@code items}, {@code minimum}, {@code minProperties} and {@code pattern}; a keyword it does not know
 * fails the check rather than passing it.
 */
final class AsyncApiDocument {

    private static final List<String> KNOWN = List.of(
            "$ref",
            "allOf",
            "type",
            "const",
            "enum",
            "required",
            "properties",
            "additionalProperties",
            "items",
            "minimum",
            "minProperties",
            "pattern",
            "format",
            "description");

    private final JsonNode document;

    private AsyncApiDocument(JsonNode document) {
        this.document = document;
    }

    static AsyncApiDocument read() throws IOException {
        Path file = Path.of(System.getProperty("repository.root", "..")).resolve("docs/asyncapi.yaml");
        ObjectMapper yaml = YAMLMapper.builder().build();
        return new AsyncApiDocument(yaml.readTree(Files.readString(file)));
    }

    /** The channel's message named {@code type} (e.g. {@code assistants.AssistantCreated.v1}). */
    JsonNode message(String type) {
        for (JsonNode message : document.get("components").get("messages")) {
            if (message.get("name").asString().equals(type)) {
                return message;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no message " + type);
    }

    /** What in {@code value} the schema does not allow, path by path; empty when it conforms. */
    List<String> violations(JsonNode schema, JsonNode value) {
        List<String> violations = new ArrayList<>();
        check(schema, value, "$", violations);
        return violations;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> violations) {
        for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
            if (!KNOWN.contains(keyword.getKey())) {
                violations.add(path + ": the check does not know the keyword " + keyword.getKey());
            }
        }
        if (schema.has("$ref")) {
            check(resolve(schema.get("$ref").asString()), value, path, violations);
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> check(part, value, path, violations));
        }
        if (schema.has("type") && !hasType(schema.get("type"), value)) {
            violations.add(path + ": " + value.getNodeType() + " is not " + schema.get("type"));
            return;
        }
        if (schema.has("const") && !schema.get("const").asString().equals(value.asString())) {
            violations.add(path + ": " + value + " is not " + schema.get("const"));
        }
        if (schema.has("enum")
                && schema.get("enum")
                        .valueStream()
                        .noneMatch(allowed -> allowed.asString().equals(value.asString()))) {
            violations.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("minimum")
                && value.isNumber()
                && value.asDouble() < schema.get("minimum").asDouble()) {
            violations.add(path + ": " + value + " is below " + schema.get("minimum"));
        }
        if (schema.has("pattern")
                && !Pattern.compile(schema.get("pattern").asString())
                        .matcher(value.asString())
                        .find()) {
            violations.add(path + ": " + value + " does not match " + schema.get("pattern"));
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                schema.get("required").forEach(field -> {
                    if (!value.has(field.asString())) {
                        violations.add(path + ": " + field.asString() + " is missing");
                    }
                });
            }
            if (schema.has("minProperties")
                    && value.size() < schema.get("minProperties").asInt()) {
                violations.add(path + ": fewer than " + schema.get("minProperties") + " fields");
            }
            JsonNode properties = schema.get("properties");
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (properties != null && properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey(), violations);
                } else if (schema.has("additionalProperties")
                        && !schema.get("additionalProperties").asBoolean()) {
                    violations.add(path + ": " + field.getKey() + " is not documented");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    private static boolean hasType(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            return type.valueStream().anyMatch(one -> hasType(one, value));
        }
        return switch (type.asString()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private JsonNode resolve(String ref) {
        JsonNode target = document;
        for (String step : ref.substring(2).split("/")) {
            target = target.get(step);
        }
        return target;
    }
}
