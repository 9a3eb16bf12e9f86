package io.github.assistantsplatform.model;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON conventions of the platform, for the API and for stored and published events alike. */
public final class PlatformJson {

    private PlatformJson() {}

    /**
     * The JSON name of a Java name: every capital starts a word, so {@code topKRetrieval} is
     * {@code top_k_retrieval} (Jackson's SNAKE_CASE would say {@code top_kretrieval}).
     */
    public static String jsonName(String javaName) {
        StringBuilder name = new StringBuilder(javaName.length() + 4);
        for (char c : javaName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                if (!name.isEmpty()) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    private static final PropertyNamingStrategies.NamingBase JSON_NAMES = new PropertyNamingStrategies.NamingBase() {
        @Override
        public String translate(String propertyName) {
            return propertyName == null ? null : jsonName(propertyName);
        }
    };

    /**
     * snake_case names and ISO-8601 instants, as the original service spoke; an absent Optional
     * is null and an explicit JSON null an empty Optional, which is how a partial update tells
     * "keep" from "clear".
     */
    public static JsonMapper.Builder conventions(JsonMapper.Builder builder) {
        return builder.propertyNamingStrategy(JSON_NAMES)
                .enable(DeserializationFeature.USE_NULL_FOR_MISSING_REFERENCE_VALUES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** What a client sends is read strictly: a misspelt field, a trailing token or a "25" for 25 is an error. */
    public static JsonMapper.Builder strictRequests(JsonMapper.Builder builder) {
        return conventions(builder)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
