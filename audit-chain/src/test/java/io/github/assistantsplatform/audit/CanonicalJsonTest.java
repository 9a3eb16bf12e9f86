package io.github.assistantsplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hashed form does not depend on how the writer spaced, ordered or spelled the JSON. */
class CanonicalJsonTest {

    @Test
    void keysAreSortedAndWhitespaceDropped() {
        assertThat(canonical("{ \"b\" : [1, {\"z\":true,\"a\":null}] ,\n \"a\":\"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void numbersAreTheirExactDecimalValue() {
        assertThat(canonical("[1.0, 0.70, 1e3, -0.0, 1.50e1, 12345678901234567890, 0.1]"))
                .isEqualTo("[1,0.7,1000,0,15,12345678901234567890,0.1]");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(canonical("\"\\u0041\\u00e9\\/\\\"\\\\\\n\\u001f\\u2028\""))
                .isEqualTo("\"Aé/\\\"\\\\\\n\\u001f\u2028\"");
    }

    @Test
    void aLinkChangesWithAnyHashedField() {
        StoredEvent event = StoredEvent.fromRow(
                7,
                "Assistant",
                "a",
                3,
                "e",
                "2026-12-02T00:00:00.000Z",
                "T",
                "1",
                "{\"x\":1}".getBytes(),
                "{\"actor\":\"alice\"}".getBytes());
        String link = event.linkHash(StoredEvent.GENESIS);
        assertThat(link).matches("[0-9a-f]{64}");
        assertThat(StoredEvent.fromRow(
                                8,
                                "Assistant",
                                "a",
                                3,
                                "e",
                                "2026-12-02T00:00:00.000Z",
                                "T",
                                "1",
                                "{ \"x\" : 1.0 }".getBytes(),
                                "{\"actor\":\"alice\",\"chain_hash\":\"ff\"}".getBytes())
                        .linkHash(StoredEvent.GENESIS))
                .as("not the position, the spelling or the chain's own keys")
                .isEqualTo(link);
        assertThat(StoredEvent.fromRow(
                                7,
                                "Assistant",
                                "a",
                                4,
                                "e",
                                "2026-12-02T00:00:00.000Z",
                                "T",
                                "1",
                                "{\"x\":1}".getBytes(),
                                "{\"actor\":\"alice\"}".getBytes())
                        .linkHash(StoredEvent.GENESIS))
                .isNotEqualTo(link);
        assertThat(StoredEvent.fromRow(
                                7,
                                "Assistant",
                                "a",
                                3,
                                "e",
                                "2026-12-02T00:00:00.000Z",
                                "T",
                                "1",
                                "{\"x\":1}".getBytes(),
                                "{\"actor\":\"mallory\"}".getBytes())
                        .linkHash(StoredEvent.GENESIS))
                .isNotEqualTo(link);
        assertThat(event.linkHash("1".repeat(64))).isNotEqualTo(link);
    }

    private static String canonical(String json) {
        return CanonicalJson.string(CanonicalJson.parse(json));
    }
}
