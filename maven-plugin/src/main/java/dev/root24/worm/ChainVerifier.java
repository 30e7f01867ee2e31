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

    private static final Pattern HEX_512 = Pattern.compile("[0-9a-f]{128}");
    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    private final List<TrustedKey> trustedKeys;
    private final Checkpoint trustedCheckpoint;
    private final Set<SignatureAlgorithm> requiredAlgorithms;

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

    /** One entry as read: what later checks need from it. */
    private record Read(DsseEnvelope envelope, byte[] payload, ChainFields chain) {
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
        Read previous = null;
        long signedEntries = 0;
        List<Long> unsigned = new ArrayList<>();
        List<Long> unchecked = new ArrayList<>();
        String firstUuid = null;
        for (long i = 0; i < count; i++) {
            ChainStore.StoredEntry file = files.get(i);
            String name = file == null ? chainStore.entryName(i) : file.name();
            Read read = null;
            if (file == null) {
                // One problem per gap, however long: the loop jumps to the next present entry.
                long next = files.ceilingKey(i);
                problems.add(new ChainProblem(Outcome.FAIL, i, name, next - i == 1
                        ? "entry is missing (deleted?): the indexes have a gap"
                        : "entries " + i + ".." + (next - 1) + " (" + (next - i) + ") are missing (deleted?): the indexes have a gap"));
                treeIntact = false;
                previous = null;
                i = next - 1;
                continue;
            } else {
                read = checkEntry(i, file, name, previous, problems);
            }
            if (read != null) {
                if (i == 0) {
                    firstUuid = read.chain().uuid();
                }
                SignatureCheck s = checkSignatures(i, name, read, problems);
                if (s == SignatureCheck.VERIFIED) {
                    signedEntries++;
                } else if (s == SignatureCheck.UNSIGNED) {
                    unsigned.add(i);
                } else if (s == SignatureCheck.UNCHECKED) {
                    unchecked.add(i);
                }
                if (treeIntact) {
                    tree.append(read.payload());
                }
            } else {
                treeIntact = false;
            }
            if (treeIntact && wantedRoots.contains(i + 1)) {
                rootsAt.put(i + 1, tree.root());
            }
            previous = read;
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

    private Read checkEntry(long i, ChainStore.StoredEntry file, String name, Read previous, List<ChainProblem> problems) {
        byte[] bytes;
        try {
            bytes = file.read();
        } catch (RegularFile.Refused e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "cannot read (" + e.getClass().getSimpleName() + ")"));
            return null;
        }
        DsseEnvelope envelope;
        ChainFields chain;
        try {
            envelope = DsseEnvelope.parse(bytes);
        } catch (IllegalArgumentException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, CanonicalJson.describe(e, "DSSE envelope")));
            return null;
        }
        if (!Arrays.equals(bytes, envelope.toJson())) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name,
                    "envelope bytes are not in the canonical form they were written in (edited after writing)"));
        }
        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "payloadType is not " + DsseEnvelope.IN_TOTO_PAYLOAD_TYPE));
        }
        try {
            chain = EntryStatement.chainFields(envelope.payload());
            if (!Arrays.equals(envelope.payload(), CanonicalJson.canonicalize(envelope.payload()))) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "payload is not RFC 8785 canonical JSON"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "payload unreadable: "
                    + CanonicalJson.describe(e, "in-toto Statement")));
            return null;
        }
        if (chain.index() != i) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "payload says index " + chain.index()
                    + " but the file holds entry " + i + " (moved, swapped or inserted)"));
        }
        if (i == 0 && !chain.prev().isEmpty()) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "first entry must have an empty prev"));
        }
        if (i > 0 && previous != null) {
            String expected = DigestAlgorithm.SHA_512.hex(previous.payload());
            if (!expected.equals(chain.prev())) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "prev does not match entry " + (i - 1)
                        + " (SHA-512 of its payload): the link is broken"));
            }
            if (!chain.timestamp().isAfter(previous.chain().timestamp())) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "timestamp " + EntryStatement.TIMESTAMP.format(chain.timestamp())
                        + " does not rise above entry " + (i - 1) + "'s " + EntryStatement.TIMESTAMP.format(previous.chain().timestamp())));
            }
        }
        if (!HEX_512.matcher(chain.sha512()).matches() || !HEX_256.matcher(chain.blake2b()).matches()) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "report digests are not lowercase hex SHA-512 and BLAKE2b-256"));
        }
        return new Read(envelope, envelope.payload(), chain);
    }

    /** UNSIGNED and UNCHECKED are warnings, reported per run of consecutive entries, not per entry. */
    private enum SignatureCheck { VERIFIED, UNSIGNED, UNSIGNED_REQUIRED, UNCHECKED, NOT_VERIFIED }

    private SignatureCheck checkSignatures(long i, String name, Read read, List<ChainProblem> problems) {
        List<ChainFields.DeclaredSigner> declared = read.chain().signers();
        List<DsseEnvelope.Signature> present = read.envelope().signatures();
        if (declared.isEmpty()) {
            if (!present.isEmpty()) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name,
                        "payload says unsigned but the envelope carries signatures"));
            }
            if (!trustedKeys.isEmpty() || !requiredAlgorithms.isEmpty()) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "entry is unsigned, but signatures by "
                        + names(requiredAlgorithms) + " trusted keys are required"));
            } else {
                return SignatureCheck.UNSIGNED;
            }
            return SignatureCheck.UNSIGNED_REQUIRED;
        }
        if (present.size() != declared.size()) {
            problems.add(new ChainProblem(Outcome.FAIL, i, name, "payload declares " + declared.size()
                    + " signature(s) but the envelope carries " + present.size() + " (stripped or added)"));
        }
        byte[] pae = read.envelope().pae();
        EnumSet<SignatureAlgorithm> verified = EnumSet.noneOf(SignatureAlgorithm.class);
        boolean allGood = true;
        for (int k = 0; k < declared.size(); k++) {
            ChainFields.DeclaredSigner signer = declared.get(k);
            DsseEnvelope.Signature signature = k < present.size() ? present.get(k) : null;
            String label = signer.algorithm().displayName() + " key " + shortId(signer.keyid());
            if (signature == null || !signature.keyid().equals(signer.keyid())) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "no signature by the declared " + label));
                allGood = false;
                continue;
            }
            if (trustedKeys.isEmpty()) {
                allGood = false;
                continue;
            }
            TrustedKey key = trustedKeys.stream().filter(t -> t.keyId().equals(signer.keyid())).findFirst().orElse(null);
            if (key == null) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "signed by " + label
                        + ", which is not among the trusted keys"));
                allGood = false;
            } else if (key.algorithm() != signer.algorithm() || !key.verify(pae, signature.sig())) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "the " + label
                        + " signature does not verify (entry altered or signature forged)"));
                allGood = false;
            } else {
                verified.add(key.algorithm());
            }
        }
        if (trustedKeys.isEmpty()) {
            return SignatureCheck.UNCHECKED;
        }
        for (SignatureAlgorithm required : requiredAlgorithms) {
            if (!verified.contains(required)) {
                problems.add(new ChainProblem(Outcome.FAIL, i, name, "no valid " + required.displayName()
                        + " signature by a trusted key, which is required"));
                allGood = false;
            }
        }
        return allGood ? SignatureCheck.VERIFIED : SignatureCheck.NOT_VERIFIED;
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
