package dev.root24.worm;

import java.io.IOException;
import java.util.List;
import java.util.NavigableMap;

/**
 * Where a chain's entries live, and how the next one is added: {@link WormStore}, a directory
 * with one file per entry, or {@link RepositoryChainStore}, the {@code root24-certification}
 * attachments deployed to a Maven repository. {@link ChainVerifier} verifies either through
 * {@link #list()}; certify appends through {@link #append}.
 */
public sealed interface ChainStore permits WormStore, RepositoryChainStore {

    /** The store as messages and {@code chain-verification.json} name it. */
    String location();

    /** How a missing entry is named in a problem (an entry file of a directory, a chain position in a repository). */
    String entryName(long index);

    /**
     * The entries by chain index, with what the store itself found wrong (unexpected files, links,
     * forks) and its checkpoint. Closing the listing releases whatever hold the store took so that
     * listing and reads form one snapshot.
     */
    Listing list();

    /**
     * Adds one certification as the next entry after the head, signed by {@code signer}. A
     * directory store writes it; a repository store only builds it, since the deploy publishes the
     * attached entry.
     */
    WormStore.AppendedEntry append(CertificationRecord record, Signer signer) throws WormException;

    /** One entry as the store holds it; {@link #read()} is bounded and never follows a link. */
    interface StoredEntry {
        /** The file or version that holds it, for problems. */
        String name();

        byte[] read() throws IOException;
    }

    /**
     * A snapshot of a store.
     *
     * @param entries by chain index (for a directory the file's number; for a repository the index
     *                the entry's payload declares, one per index along the chain's main line)
     * @param problems what the store found that is not about one entry's content
     * @param notes facts that are not problems
     * @param checkpoint the store's own checkpoint, or null (a missing one is reported by the store)
     * @param hold released on close
     */
    record Listing(NavigableMap<Long, StoredEntry> entries, List<ChainProblem> problems, List<String> notes,
            Checkpoint checkpoint, AutoCloseable hold) implements AutoCloseable {

        @Override
        public void close() {
            if (hold != null) {
                try {
                    hold.close();
                } catch (Exception e) {
                    // Releasing a read hold cannot fail in a way the caller could act on.
                }
            }
        }
    }
}
