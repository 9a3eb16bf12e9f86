package io.github.assistantsplatform.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 (section 2.1) over stream heads sorted by aggregate id (Java's
 * {@code String} order, UTF-16 code units): a leaf is {@code SHA-256(0x00 || canonical head)}, a node
 * {@code SHA-256(0x01 || left || right)}, split at the largest power of two below the count; the root of
 * no heads is the SHA-256 of nothing.
 */
public final class MerkleRoot {

    private MerkleRoot() {}

    public static String of(List<StreamHead> heads) {
        List<StreamHead> sorted = new ArrayList<>(heads);
        sorted.sort(Comparator.comparing(StreamHead::aggregate));
        byte[][] leaves = new byte[sorted.size()][];
        for (int i = 0; i < leaves.length; i++) {
            MessageDigest digest = Sha256.digest();
            digest.update((byte) 0);
            leaves[i] = digest.digest(sorted.get(i).leaf());
        }
        return HexFormat.of().formatHex(leaves.length == 0 ? Sha256.digest().digest() : root(leaves, 0, leaves.length));
    }

    private static byte[] root(byte[][] leaves, int from, int to) {
        if (to - from == 1) {
            return leaves[from];
        }
        int split = Integer.highestOneBit(to - from - 1);
        MessageDigest digest = Sha256.digest();
        digest.update((byte) 1);
        digest.update(root(leaves, from, from + split));
        digest.update(root(leaves, from + split, to));
        return digest.digest();
    }
}
