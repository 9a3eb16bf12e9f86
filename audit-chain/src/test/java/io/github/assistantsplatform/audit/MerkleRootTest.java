package io.github.assistantsplatform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** RFC 6962's tree hash over the heads, in aggregate order whatever order they come in. */
class MerkleRootTest {

    @Test
    void theRootOfOneToSevenHeadsIsRfc6962sTreeHash() throws Exception {
        for (int count = 1; count <= 7; count++) {
            List<StreamHead> heads = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                heads.add(new StreamHead("stream-" + i, i, "%064x".formatted(i)));
            }
            List<StreamHead> shuffled = new ArrayList<>(heads);
            Collections.reverse(shuffled);
            assertThat(MerkleRoot.of(shuffled)).as("%d heads", count).isEqualTo(hex(rfc6962(heads)));
        }
        assertThat(MerkleRoot.of(List.of()))
                .isEqualTo(hex(MessageDigest.getInstance("SHA-256").digest()));
    }

    @Test
    void anyHeadChangedChangesTheRoot() {
        List<StreamHead> heads =
                List.of(new StreamHead("a", 1, "0".repeat(64)), new StreamHead("b", 2, "1".repeat(64)));
        String root = MerkleRoot.of(heads);
        assertThat(MerkleRoot.of(List.of(heads.get(0), new StreamHead("b", 3, "1".repeat(64)))))
                .isNotEqualTo(root);
        assertThat(MerkleRoot.of(List.of(heads.get(0), new StreamHead("b", 2, "2".repeat(64)))))
                .isNotEqualTo(root);
        assertThat(MerkleRoot.of(List.of(heads.get(0)))).isNotEqualTo(root);
    }

    /** RFC 6962, 2.1, written from the text: MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n])). */
    private static byte[] rfc6962(List<StreamHead> leaves) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        if (leaves.size() == 1) {
            sha.update((byte) 0x00);
            return sha.digest(leaves.get(0).leaf());
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        sha.update((byte) 0x01);
        sha.update(rfc6962(leaves.subList(0, k)));
        sha.update(rfc6962(leaves.subList(k, leaves.size())));
        return sha.digest();
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
