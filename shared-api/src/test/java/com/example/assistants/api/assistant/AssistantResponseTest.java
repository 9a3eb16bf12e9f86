package com.example.assistants.api.assistant;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AssistantResponseTest {

    @Test
    void everyFieldOfAResponseIsEitherWritableOrIgnoredWhenSentBack() {
        Set<String> writable = jsonNames(AssistantUpdate.class);
        Set<String> unclassified = new HashSet<>(jsonNames(AssistantResponse.class));
        unclassified.removeAll(writable);
        unclassified.removeAll(AssistantResponse.READ_ONLY_FIELDS);

        assertThat(unclassified).as("a new response field must be writable or read-only").isEmpty();
        assertThat(AssistantResponse.READ_ONLY_FIELDS).as("nothing writable is ignored").doesNotContainAnyElementsOf(writable);
    }

    private static Set<String> jsonNames(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> component.getName().replaceAll("([A-Z])", "_$1").toLowerCase())
                .collect(Collectors.toSet());
    }
}
