package dev.root24.worm;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
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

    private static final Pattern ENTRY_NAME = Pattern.compile("entry-(\\d{10})\\.dsse\\.json");
    static final int MAX_JUNK_NAMES = 10;
    private static final long LOCK_WAIT_MILLIS = 10_000;
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

    /**
     * Verifies under a shared hold on the store's lock, so an append running meanwhile cannot make
     * the listing, the checkpoint and the entries disagree (which would be a false FAIL).
     */
    public ChainVerification verify(Path store) {
        try (WormStore.ReadHold hold = WormStore.holdForReading(store, LOCK_WAIT_MILLIS)) {
            ChainVerification v = verifySnapshot(store);
            if (hold.held() || !Files.isRegularFile(store.resolve(WormStore.LOCK_FILE), LinkOption.NOFOLLOW_LINKS)) {
                return v;
            }
            List<String> notes = new ArrayList<>(v.notes());
            notes.add("the store's lock could not be taken within " + LOCK_WAIT_MILLIS / 1000 + " s, so an append"
                    + " may have run during verification; if a problem names the newest entries, verify again");
            return new ChainVerification(v.format(), v.store(), v.entries(), v.signed(), v.problems(), notes, v.limits());
        }
    }

    private ChainVerification verifySnapshot(Path store) {
        List<ChainProblem> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(store)) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, store + ": not a directory"));
            return new ChainVerification("native", store.toString(), 0, 0, problems, notes, limits);
        }
        // Only the first few unexpected names are kept: a store stuffed with junk must not turn
        // into a report of the same size.
        TreeSet<String> junkShown = new TreeSet<>();
        long junk = 0;
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(store)) {
            for (Path p : listing) {
                String name = p.getFileName().toString();
                Matcher m = ENTRY_NAME.matcher(name);
                if (m.matches()) {
                    files.put(Long.parseLong(m.group(1)), p);
                } else if (name.equals(WormStore.CHECKPOINT_FILE) || name.equals(WormStore.LOCK_FILE)) {
                    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(new ChainProblem(Outcome.FAIL, null, name, "is " + WormStore.describeNonRegular(p)
                                + " where the store's own file belongs: store files are never followed"));
                    }
                } else if (name.equals(WormStore.INCOMING_DIR)) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(new ChainProblem(Outcome.FAIL, null, name, "is " + WormStore.describeNonRegular(p)
                                + " where the store's own directory belongs: an append would write through it"));
                    }
                } else {
                    junk++;
                    junkShown.add(name);
                    if (junkShown.size() > MAX_JUNK_NAMES) {
                        junkShown.pollLast();
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, null, store + ": cannot list ("
                    + e.getClass().getSimpleName() + ")"));
            return new ChainVerification("native", store.toString(), 0, 0, problems, notes, limits);
        }

        if (junk == 1) {
            problems.add(new ChainProblem(Outcome.WARN, null, junkShown.first(), "unexpected file in the store"));
        } else if (junk > 1) {
            String shown = String.join(", ", junkShown);
            problems.add(new ChainProblem(Outcome.WARN, null, null, junk + " unexpected files in the store"
                    + (junk > junkShown.size() ? ", first " + junkShown.size() + " by name: " : ": ") + shown));
        }
        long count = files.isEmpty() ? 0 : files.lastKey() + 1;
        Map<Long, byte[]> rootsAt = new HashMap<>();
        Checkpoint storeCheckpoint = readStoreCheckpoint(store, count, problems);
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
        EntryChecks checks = new EntryChecks(trustedKeys, requiredAlgorithms,
                index -> RegularFile.read(files.get(index), WormStore.MAX_ENTRY_BYTES));
        try (EntryChecks.Results results = checks.results(files.keySet().iterator(), parallelism, window)) {
            for (long i = 0; i < count; i++) {
                Path file = files.get(i);
                if (file == null) {
                    String name = WormStore.entryFileName(i);
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
                    rootsAt, treeIntact, problems, notes, true);
        }
        if (trustedCheckpoint != null) {
            checkCheckpoint(trustedCheckpoint, null, "the trusted checkpoint", origin, count, rootsAt, treeIntact,
                    problems, notes, false);
        } else {
            limits.add("No trusted checkpoint was given: removing the newest entries together with the store's"
                    + " checkpoint, or replacing the whole chain, cannot be detected. Keep a copy of 'checkpoint'"
                    + " and pass it as trustedCheckpoint.");
        }
        if (trustedKeys.isEmpty()) {
            limits.add("No trusted keys were given: signatures were not checked, so nothing proves who wrote"
                    + " the entries; anyone able to write the store could have rebuilt it.");
        }
        warnRuns(unsigned, "unsigned (hash-chained only; no signatures are required)", problems);
        warnRuns(unchecked, "signed, but no trusted keys were given: signatures not checked", problems);
        problems.sort((a, b) -> Long.compare(a.index() == null ? Long.MAX_VALUE : a.index(),
                b.index() == null ? Long.MAX_VALUE : b.index()));
        return new ChainVerification("native", store.toString(), files.size(), signedEntries, problems, notes, limits);
    }

    /** One WARN per run of consecutive indexes, so a long unsigned chain is one line, not thousands. */
    private static void warnRuns(List<Long> indexes, String what, List<ChainProblem> problems) {
        int start = 0;
        for (int k = 1; k <= indexes.size(); k++) {
            if (k == indexes.size() || indexes.get(k) != indexes.get(k - 1) + 1) {
                long first = indexes.get(start);
                long last = indexes.get(k - 1);
                String range = first == last ? "entry is " : "entries " + first + ".." + last + " (" + (last - first + 1) + ") are ";
                problems.add(new ChainProblem(Outcome.WARN, first, WormStore.entryFileName(first), range + what));
                start = k;
            }
        }
    }

    private Checkpoint readStoreCheckpoint(Path store, long count, List<ChainProblem> problems) {
        Path file = store.resolve(WormStore.CHECKPOINT_FILE);
        try {
            return Checkpoint.parse(RegularFile.read(file, Checkpoint.MAX_BYTES), WormStore.CHECKPOINT_FILE);
        } catch (RegularFile.Refused e) {
            // A link or FIFO here is already a FAIL from the listing; a size problem is not.
            if (!RegularFile.existsNoFollow(file) || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(new ChainProblem(Outcome.FAIL, null, WormStore.CHECKPOINT_FILE, e.getMessage()));
            }
        } catch (NoSuchFileException e) {
            if (count > 0) {
                problems.add(new ChainProblem(Outcome.WARN, null, WormStore.CHECKPOINT_FILE,
                        "the store has no checkpoint: truncation of the newest entries cannot be detected from the store alone"));
            }
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, WormStore.CHECKPOINT_FILE, "cannot read ("
                    + e.getClass().getSimpleName() + ")"));
        } catch (WormException e) {
            problems.add(new ChainProblem(Outcome.FAIL, null, WormStore.CHECKPOINT_FILE, e.getMessage()));
        }
        return null;
    }

    private void checkCheckpoint(Checkpoint checkpoint, String file, String what, String origin, long count,
            Map<Long, byte[]> rootsAt, boolean treeIntact, List<ChainProblem> problems, List<String> notes,
            boolean storeOwn) {
        if (origin != null && !origin.equals(checkpoint.origin())) {
            // The checkpoint's own origin line is not quoted: the file may be anything a link put there.
            problems.add(new ChainProblem(Outcome.FAIL, null, file, what + " is for a different log than this"
                    + " chain, '" + origin + "' (a different or replaced chain)"));
            return;
        }
        if (checkpoint.size() > count) {
            problems.add(new ChainProblem(Outcome.FAIL, count, WormStore.entryFileName(count), what + " covers "
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
