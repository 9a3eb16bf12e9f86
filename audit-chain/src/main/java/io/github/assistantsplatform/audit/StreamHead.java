package io.github.assistantsplatform.audit;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A stream's last event at some global position: an anchor's leaf. */
public record StreamHead(String aggregate, long sequence, String hash) {

    byte[] leaf() {
        ObjectNode leaf = JsonNodeFactory.instance.objectNode();
        leaf.put("aggregate", aggregate);
        leaf.put("sequence", sequence);
        leaf.put("hash", hash);
        return CanonicalJson.bytes(leaf);
    }
}
