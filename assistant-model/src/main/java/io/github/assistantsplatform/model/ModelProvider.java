package io.github.assistantsplatform.model;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum ModelProvider {
    GEMINI,
    OPENAI,
    MISTRAL,
    OLLAMA;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
