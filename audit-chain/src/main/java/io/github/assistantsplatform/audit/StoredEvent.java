package io.github.assistantsplatform.audit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One row of the event table as the chain sees it: every column but the global position goes into its
 * link's hash. The link of an event is the SHA-256 of the canonical JSON of {@link #link} — the previous
 * link of its stream (64 zeros before the first event), its place and envelope, the digest of its
 * payload and its metadata without the chain's own keys — so that a changed byte anywhere in the row, or
 * a row moved to another place, gives another hash, and every later link of the stream with it.
 *
 * @param position the global position; not hashed (it is assigned as the row is inserted) but checked
 *                 for order
 * @param timestamp as the row stores it (the text, not the instant it stands for)
 */
public record StoredEvent(
        long position,
        String aggregateType,
        String aggregate,
        long sequence,
        String eventId,
        String timestamp,
        String payloadType,
        String payloadRevision,
        JsonNode payload,
        ObjectNode metadata) {

    /** The metadata keys the chain writes: the link's hash and the payload's digest (to say what changed). */
    public static final String HASH = "chain_hash";

    public static final String PAYLOAD_DIGEST = "chain_payload_digest";

    /** The previous link of a stream's first event. */
    public static final String GENESIS = "0".repeat(64);

    /** The columns of the event table ({@code domain_event_entry}) that {@link #read} expects, in its order. */
    public static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, event_identifier,"
            + " time_stamp, payload_type, payload_revision, payload, meta_data";

    /** The row a result set is on, selected as {@link #COLUMNS}. */
    public static StoredEvent read(ResultSet row) throws SQLException {
        return fromRow(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getLong(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getBytes(9),
                row.getBytes(10));
    }

    public static StoredEvent fromRow(
            long position,
            String aggregateType,
            String aggregate,
            long sequence,
            String eventId,
            String timestamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metadata) {
        JsonNode meta = metadata == null || metadata.length == 0
                ? JsonNodeFactory.instance.objectNode()
                : CanonicalJson.parse(metadata);
        return new StoredEvent(
                position,
                aggregateType,
                aggregate,
                sequence,
                eventId,
                timestamp,
                payloadType,
                payloadRevision,
                CanonicalJson.parse(payload),
                meta.isObject() ? (ObjectNode) meta : JsonNodeFactory.instance.objectNode());
    }

    public Optional<String> recordedHash() {
        return recorded(HASH);
    }

    public Optional<String> recordedPayloadDigest() {
        return recorded(PAYLOAD_DIGEST);
    }

    private Optional<String> recorded(String key) {
        JsonNode value = metadata.get(key);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    public String payloadDigest() {
        return Sha256.hex(CanonicalJson.bytes(payload));
    }

    /** This event's link when {@code previous} is the link before it. */
    public String linkHash(String previous) {
        return linkHash(previous, payloadDigest());
    }

    public String linkHash(String previous, String payloadDigest) {
        return Sha256.hex(CanonicalJson.bytes(link(previous, payloadDigest)));
    }

    /**
     * This event's metadata with its link after {@code previous} and its payload's digest, as the event store
     * writes them (for writers of rows past it: the harness, a forger in a test).
     */
    public ObjectNode linkedMetadata(String previous) {
        String digest = payloadDigest();
        ObjectNode linked = metadata.deepCopy();
        linked.put(HASH, linkHash(previous, digest));
        linked.put(PAYLOAD_DIGEST, digest);
        return linked;
    }

    /** What a link's hash is taken over (documented in docs/audit.md; the offline verifier reads the same). */
    public ObjectNode link(String previous, String payloadDigest) {
        ObjectNode hashedMetadata = metadata.deepCopy();
        hashedMetadata.remove(HASH);
        hashedMetadata.remove(PAYLOAD_DIGEST);
        ObjectNode link = JsonNodeFactory.instance.objectNode();
        link.put("previous", previous);
        link.put("aggregate_type", aggregateType);
        link.put("aggregate", aggregate);
        link.put("sequence", sequence);
        link.put("event", eventId);
        link.put("timestamp", timestamp);
        link.put("payload_type", payloadType);
        link.put("payload_revision", payloadRevision);
        link.put("payload_digest", payloadDigest);
        link.set("metadata", hashedMetadata);
        return link;
    }
}
