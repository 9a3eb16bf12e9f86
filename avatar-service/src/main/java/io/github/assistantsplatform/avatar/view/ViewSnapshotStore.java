package io.github.assistantsplatform.avatar.view;

import java.util.Optional;

/** Where the latest snapshot of the assistants view is kept, shared by every replica. */
public interface ViewSnapshotStore {

    /** The latest snapshot's bytes; empty when there is none yet. Throws when the store cannot be read. */
    Optional<byte[]> read();

    void write(byte[] snapshot);
}
