package io.github.assistantsplatform.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The LLMs an assistant can run on, spelled as the original API spells them. */
public enum AssistantModel {
    GEMINI("gemini", ModelProvider.GEMINI),
    GPT_4O("gpt-4o", ModelProvider.OPENAI),
    GPT_4O_MINI("gpt-4o-mini", ModelProvider.OPENAI),
    OPENAI("openai", ModelProvider.OPENAI),
    MISTRAL("mistral", ModelProvider.MISTRAL),
    OLLAMA("ollama", ModelProvider.OLLAMA);

    public static final String ALLOWED_VALUES =
            Arrays.stream(values()).map(AssistantModel::value).collect(Collectors.joining(", "));

    private final String value;
    private final ModelProvider provider;

    AssistantModel(String value, ModelProvider provider) {
        this.value = value;
        this.provider = provider;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public ModelProvider provider() {
        return provider;
    }

    @JsonCreator
    public static AssistantModel fromValue(String value) {
        return Arrays.stream(values())
                .filter(model -> model.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + ALLOWED_VALUES));
    }
}
