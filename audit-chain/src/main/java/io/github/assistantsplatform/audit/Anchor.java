package io.github.assistantsplatform.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A digest of the whole store at a global position, written where the database's administrators cannot
 * rewrite it: the Merkle root ({@link MerkleRoot}) of every stream's head at that position.
 *
 * @param anchor       its number, 1 for the first
 * @param chainStart   the position of the first event written with a link ({@link Long#MAX_VALUE} when
 *                     none was yet); an unlinked row after it was inserted past the event store
 * @param legacyEvents how many events up to {@code position} were stored before the chain existed: the
 *                     first anchor that counts them is the earliest point from which they are covered
 */
public record Anchor(
        long anchor, long position, long streams, String root, long chainStart, long legacyEvents, String anchoredAt) {

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("anchor", anchor);
        json.put("position", position);
        json.put("streams", streams);
        json.put("root", root);
        if (chainStart != Long.MAX_VALUE) {
            json.put("chain_start", chainStart);
        } else {
            json.putNull("chain_start");
        }
        json.put("legacy_events", legacyEvents);
        json.put("anchored_at", anchoredAt);
        return json;
    }

    public byte[] toBytes() {
        return CanonicalJson.bytes(toJson());
    }

    public static Anchor fromJson(JsonNode json) {
        JsonNode chainStart = json.path("chain_start");
        return new Anchor(
                json.required("anchor").asLong(),
                json.required("position").asLong(),
                json.required("streams").asLong(),
                json.required("root").stringValue(),
                chainStart.isNumber() ? chainStart.asLong() : Long.MAX_VALUE,
                json.path("legacy_events").asLong(),
                json.path("anchored_at").stringValue());
    }
}
