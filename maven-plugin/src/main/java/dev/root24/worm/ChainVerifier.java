package dev.root24.worm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.NavigableMap;
import java.util.regex.Pattern;

/**
 * Verifies a native store: every entry's envelope and payload (byte-exact canonical form), index
 * without gaps, {@code prev} links, strictly rising timestamps, every declared and every required
 * signature against the trusted keys, the store's checkpoint (signature, Merkle root), and
 * consistency with a checkpoint the caller trusts, which is what exposes truncation and rollback.
 *
 * <p>It reports every problem with the entry index and file, and carries on after a bad entry so
 * the report is complete.
 */
public final class ChainVerifier {

    /**
     * Entries checked ahead of the chain-wide checks, per thread: enough to keep every core busy
     * while the consumer waits on a slow entry; each holds at most {@link WormStore#MAX_ENTRY_BYTES}
     * only while it is being checked, so memory stays bounded whatever the chain's length.
     */
    private static final int ENTRIES_AHEAD_PER_THREAD = 64;

    private final List<TrustedKey> trustedKeys;
    private final Checkpoint trustedCheckpoint;
    private final Set<SignatureAlgorithm> requiredAlgorithms;
    private final int parallelism;
    private final int window;

    /**
     * @param trustedKeys        the only keys whose signatures count; when non-empty, every entry
     *                           must be signed
     * @param trustedCheckpoint  a checkpoint saved earlier (e.g. by an auditor), or {@code null}
     * @param requiredAlgorithms algorithms every entry must carry a valid signature of; empty means
     *                           the algorithms of the trusted keys (trust an ML-DSA-44 and an
     *                           Ed25519 key and both are required)
     */
    public ChainVerifier(List<TrustedKey> trustedKeys, Checkpoint trustedCheckpoint,
            Set<SignatureAlgorithm> requiredAlgorithms) {
        this(trustedKeys, trustedCheckpoint, requiredAlgorithms, Runtime.getRuntime().availableProcessors(),
                ENTRIES_AHEAD_PER_THREAD * Runtime.getRuntime().availableProcessors());
    }

    /**
     * As above, with the entry checks on {@code parallelism} threads (1: all on the caller's),
     * at most {@code window} entries ahead of the chain-wide checks.
     */
    ChainVerifier(List<TrustedKey> trustedKeys, Checkpoint trustedCheckpoint, Set<SignatureAlgorithm> requiredAlgorithms,
            int parallelism, int window) {
        this.parallelism = parallelism;
        this.window = window;
        this.trustedKeys = List.copyOf(trustedKeys);
        this.trustedCheckpoint = trustedCheckpoint;
        EnumSet<SignatureAlgorithm> required = EnumSet.noneOf(SignatureAlgorithm.class);
        if (requiredAlgorithms.isEmpty()) {
            trustedKeys.forEach(k -> required.add(k.algorithm()));
        } else {
            required.addAll(requiredAlgorithms);
        }
        this.requiredAlgorithms = required;
    }


    /** Verifies the directory store at {@code store}. */
    public ChainVerification verify(Path store) {
        return verify(WormStore.at(store));
    }

    /**
     * Verifies whatever {@code store} lists, under the hold the listing takes (for a directory, a
     * shared lock, so an append running meanwhile cannot make the listing, the checkpoint and the
     * entries disagree, which would be a false FAIL).
     */
    public ChainVerification verify(ChainStore store) {
        try (ChainStore.Listing listing = store.list()) {
            return verifyListing(store, listing);
        }
    }

    private ChainVerification verifyListing(ChainStore chainStore, ChainStore.Listing listing) {
        List<ChainProblem> problems = new ArrayList<>(listing.problems());
        List<String> notes = new ArrayList<>(listing.notes());
        List<String> limits = new ArrayList<>();
        NavigableMap<Long, ChainStore.StoredEntry> files = listing.entries();
        String store = chainStore.location();
        if (files == null) {
            return new ChainVerification("native", store, 0, 0, problems, notes, limits);
        }
        long count = files.isEmpty() ? 0 : files.lastKey() + 1;
        Map<Long, byte[]> rootsAt = new HashMap<>();
        Checkpoint storeCheckpoint = listing.checkpoint();
        Set<Long> wantedRoots = new java.util.HashSet<>();
        if (storeCheckpoint != null) {
            wantedRoots.add(storeCheckpoint.size());
        }
        if (trustedCheckpoint != null) {
            wantedRoots.add(trustedCheckpoint.size());
        }
        if (wantedRoots.contains(0L)) {
            rootsAt.put(0L, new MerkleTree().root());
        }

        MerkleTree tree = new MerkleTree();
        boolean treeIntact = true;
        // The previous entry as checked; null when it is missing or unreadable (no link to check).
        EntryChecks.Checked previous = null;
        long signedEntries = 0;
        List<Long> unsigned = new ArrayList<>();
        List<Long> unchecked = new ArrayList<>();
        String firstUuid = null;
        // Reading, parsing and signatures run across the cores, a bounded window ahead; the checks
        // that link an entry to the one before stay here, in index order.
        EntryChecks checks = new EntryChecks(trustedKeys, requiredAlgorithms, new EntryChecks.EntryBytes() {
            @Override
            public byte[] read(long index) throws IOException {
                return files.get(index).read();
            }

            @Override
            public String name(long index) {
                return files.get(index).name();
            }
        });
        try (EntryChecks.Results results = checks.results(files.keySet().iterator(), parallelism, window)) {
            for (long i = 0; i < count; i++) {
                ChainStore.StoredEntry file = files.get(i);
                if (file == null) {
                    String name = chainStore.entryName(i);
                    // One problem per gap, however long: the loop jumps to the next present entry.
                    long next = files.ceilingKey(i);
                    problems.add(new ChainProblem(Outcome.FAIL, i, name, next - i == 1
                            ? "entry is missing (deleted?): the indexes have a gap"
                            : "entries " + i + ".." + (next - 1) + " (" + (next - i) + ") are missing (deleted?): the indexes have a gap"));
                    treeIntact = false;
                    previous = null;
                    i = next - 1;
                    continue;
                }
                EntryChecks.Checked read = results.next();
                if (read.index() != i) {
                    throw new IllegalStateException("entry checks out of order: " + read.index() + " for " + i);
                }
                String name = read.name();
                problems.addAll(read.beforeLink());
                if (read.readable()) {
                    ChainFields chain = read.chain();
                    if (i > 0 && previous != null) {
                        if (!previous.payloadSha512().equals(chain.prev())) {
                            problems.add(new ChainProblem(Outcome.FAIL, i, name, "prev does not match entry " + (i - 1)
                                    + " (SHA-512 of its payload): the link is broken"));
                        }
                        if (!chain.timestamp().isAfter(previous.chain().timestamp())) {
                            problems.add(new ChainProblem(Outcome.FAIL, i, name, "timestamp " + EntryStatement.TIMESTAMP.format(chain.timestamp())
                                    + " does not rise above entry " + (i - 1) + "'s " + EntryStatement.TIMESTAMP.format(previous.chain().timestamp())));
                        }
                    }
                    problems.addAll(read.afterLink());
                    if (i == 0) {
                        firstUuid = chain.uuid();
                    }
                    EntryChecks.SignatureCheck s = read.signatures();
                    if (s == EntryChecks.SignatureCheck.VERIFIED) {
                        signedEntries++;
                    } else if (s == EntryChecks.SignatureCheck.UNSIGNED) {
                        unsigned.add(i);
                    } else if (s == EntryChecks.SignatureCheck.UNCHECKED) {
                        unchecked.add(i);
                    }
                    if (treeIntact) {
                        tree.appendLeafHash(read.leafHash());
                    }
                    previous = read;
                } else {
                    treeIntact = false;
                    previous = null;
                }
                if (treeIntact && wantedRoots.contains(i + 1)) {
                    rootsAt.put(i + 1, tree.root());
                }
            }
        }

        if (count < 2) {
            problems.add(new ChainProblem(Outcome.WARN, null, null, "the chain has " + count
                    + (count == 1 ? " entry" : " entries") + ": fewer than two, so no link between entries is checked"));
        }
        String origin = firstUuid == null ? null : WormStore.ORIGIN_PREFIX + firstUuid;
        if (storeCheckpoint != null) {
            checkCheckpoint(storeCheckpoint, WormStore.CHECKPOINT_FILE, "the store's checkpoint", origin, count,
                    chainStore.entryName(count), rootsAt, treeIntact, problems, notes, true);
        }
        if (trustedCheckpoint != null) {
            checkCheckpoint(trustedCheckpoint, null, "the trusted checkpoint", origin, count, chainStore.entryName(count),
                    rootsAt, treeIntact, problems, notes, false);
        } else {
            limits.add("No trusted checkpoint was given: removing the newest entries together with the store's"
                    + " checkpoint, or replacing the whole chain, cannot be detected. Keep a copy of 'checkpoint'"
                    + " and pass it as trustedCheckpoint.");
        }
        if (trustedKeys.isEmpty()) {
            limits.add("No trusted keys were given: signatures were not checked, so nothing proves who wrote"
                    + " the entries; anyone able to write the store could have rebuilt it.");
        }
        warnRuns(unsigned, "unsigned (hash-chained only; no signatures are required)", files, problems);
        warnRuns(unchecked, "signed, but no trusted keys were given: signatures not checked", files, problems);
        problems.sort((a, b) -> Long.compare(a.index() == null ? Long.MAX_VALUE : a.index(),
                b.index() == null ? Long.MAX_VALUE : b.index()));
        return new ChainVerification("native", store, files.size(), signedEntries, problems, notes, limits);
    }

    /** One WARN per run of consecutive indexes, so a long unsigned chain is one line, not thousands. */
    private static void warnRuns(List<Long> indexes, String what, Map<Long, ChainStore.StoredEntry> files,
            List<ChainProblem> problems) {
        int start = 0;
        for (int k = 1; k <= indexes.size(); k++) {
            if (k == indexes.size() || indexes.get(k) != indexes.get(k - 1) + 1) {
                long first = indexes.get(start);
                long last = indexes.get(k - 1);
                String range = first == last ? "entry is " : "entries " + first + ".." + last + " (" + (last - first + 1) + ") are ";
                problems.add(new ChainProblem(Outcome.WARN, first, files.get(first).name(), range + what));
                start = k;
            }
        }
    }

    private static String names(Set<SignatureAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            return "any";
        }
        return String.join(" and ", algorithms.stream().map(SignatureAlgorithm::displayName).toList());
    }

    private static String shortId(String keyid) {
        return keyid.length() > 16 ? keyid.substring(0, 16) : keyid;
    }

    private void checkCheckpoint(Checkpoint checkpoint, String file, String what, String origin, long count, String next,
            Map<Long, byte[]> rootsAt, boolean treeIntact, List<ChainProblem> problems, List<String> notes,
            boolean storeOwn) {
        if (origin != null && !origin.equals(checkpoint.origin())) {
            // The checkpoint's own origin line is not quoted: the file may be anything a link put there.
            problems.add(new ChainProblem(Outcome.FAIL, null, file, what + " is for a different log than this"
                    + " chain, '" + origin + "' (a different or replaced chain)"));
            return;
        }
        if (checkpoint.size() > count) {
            problems.add(new ChainProblem(Outcome.FAIL, count, next, what + " covers "
                    + checkpoint.size() + " entries but the store ends after " + count + ": entries " + count + ".."
                    + (checkpoint.size() - 1) + " were removed (truncation or rollback)"));
        } else if (treeIntact || rootsAt.containsKey(checkpoint.size())) {
            byte[] root = rootsAt.get(checkpoint.size());
            if (root != null && !Arrays.equals(root, checkpoint.rootHash())) {
                long last = checkpoint.size() - 1;
                problems.add(new ChainProblem(Outcome.FAIL, last >= 0 ? last : null, file, what + " (size "
                        + checkpoint.size() + ") does not match the Merkle root of entries 0.." + last
                        + ": history was rewritten after the checkpoint"));
            } else if (storeOwn && checkpoint.size() < count) {
                notes.add(what + " covers " + checkpoint.size() + " of " + count
                        + " entries (an append was interrupted before updating it, or is in progress)");
            }
        } else {
            notes.add(what + " was not compared: an unreadable entry below its size breaks the Merkle tree");
        }
        checkCheckpointSignatures(checkpoint, file, what, problems, notes, storeOwn);
    }

    private void checkCheckpointSignatures(Checkpoint checkpoint, String file, String what,
            List<ChainProblem> problems, List<String> notes, boolean storeOwn) {
        if (trustedKeys.isEmpty()) {
            if (!checkpoint.signatures().isEmpty()) {
                notes.add(what + " is signed, but no trusted keys were given to check it");
            }
            return;
        }
        Set<SignatureAlgorithm> needed = requiredAlgorithms;
        for (SignatureAlgorithm algorithm : needed) {
            boolean ok = trustedKeys.stream().filter(k -> k.algorithm() == algorithm).anyMatch(checkpoint::signedBy);
            if (!ok) {
                // A trusted checkpoint came from the user: its signature is corroboration, not the source of trust.
                problems.add(new ChainProblem(storeOwn ? Outcome.FAIL : Outcome.WARN, null, file, what
                        + " carries no valid " + algorithm.displayName() + " signature by a trusted key"));
            }
        }
    }
}
