package io.github.assistantsplatform.audit;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form that is hashed, so that anyone can recompute a hash from the stored bytes whatever
 * the spacing, key order or number spelling of the writer: RFC 8785's rules for objects (keys sorted by
 * UTF-16 code units), arrays, strings (only {@code "}, {@code \}, and control characters escaped, the
 * short escapes where JSON has one, else a backslash, u and four lower-case hex digits), literals and no whitespace; but a number is
 * written as its exact decimal value with no exponent and no trailing zeros ({@code 1.50e1} is {@code 15},
 * {@code 0.70} is {@code 0.7}), which needs no floating-point formatting to reproduce.
 */
public final class CanonicalJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {}

    /** Reads stored JSON with every number kept exact. */
    public static JsonNode parse(byte[] json) {
        return JSON.readTree(json);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static byte[] bytes(JsonNode node) {
        return string(node).getBytes(StandardCharsets.UTF_8);
    }

    public static String string(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
            properties.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < properties.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(properties.get(i).getKey(), out);
                out.append(':');
                write(properties.get(i).getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            string(node.stringValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            String plain = node.decimalValue().stripTrailingZeros().toPlainString();
            out.append(plain.equals("-0") ? "0" : plain);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
