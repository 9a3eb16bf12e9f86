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
        String link = event(7, 3, "{\"x\":1}", "{\"actor\":\"alice\"}").linkHash(StoredEvent.GENESIS);
        assertThat(link).matches("[0-9a-f]{64}");
        assertThat(event(8, 3, "{ \"x\" : 1.0 }", "{\"actor\":\"alice\",\"chain_hash\":\"ff\"}")
                        .linkHash(StoredEvent.GENESIS))
                .as("not the position, the spelling or the chain's own keys")
                .isEqualTo(link);
        assertThat(event(7, 4, "{\"x\":1}", "{\"actor\":\"alice\"}").linkHash(StoredEvent.GENESIS))
                .isNotEqualTo(link);
        assertThat(event(7, 3, "{\"x\":1}", "{\"actor\":\"mallory\"}").linkHash(StoredEvent.GENESIS))
                .isNotEqualTo(link);
        assertThat(event(7, 3, "{\"x\":1}", "{\"actor\":\"alice\"}").linkHash("1".repeat(64)))
                .isNotEqualTo(link);
    }

    private static StoredEvent event(long position, long sequence, String payload, String metadata) {
        return StoredEvent.fromRow(
                position,
                "Assistant",
                "a",
                sequence,
                "e",
                "2026-12-02T00:00:00.000Z",
                "T",
                "1",
                payload.getBytes(),
                metadata.getBytes());
    }

    private static String canonical(String json) {
        return CanonicalJson.string(CanonicalJson.parse(json));
    }
}
