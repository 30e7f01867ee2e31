package dev.root24.worm;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The checks of a chain entry that need nothing from any other entry: reading, the envelope and
 * payload in their canonical byte form, the chain fields, the signatures, and the digests the
 * chain-wide checks use next ({@code prev} of the next entry, the Merkle leaf). They are what
 * costs in a verification (parsing, re-serialising, ML-DSA and Ed25519), so {@link #results} runs
 * them for many entries at once across the cores and hands the results back in index order; the
 * caller keeps the checks that link entries, which are cheap and sequential.
 *
 * <p>Memory stays bounded: at most {@code window} entries are read ahead of the one the caller
 * consumes. Each entry's problems are in the order a one-at-a-time verification produces them,
 * so the report does not depend on the number of cores or on scheduling.
 */
final class EntryChecks {


    /** Reads the bytes of the entry at an index; {@link RegularFile.Refused} says why it may not be read. */
    @FunctionalInterface
    interface EntryBytes {
        byte[] read(long index) throws IOException;

        /** What to call the entry in problems: its file or the version that holds it. */
        default String name(long index) {
            return WormStore.entryFileName(index);
        }
    }

    /** UNSIGNED and UNCHECKED are warnings, reported per run of consecutive entries, not per entry. */
    enum SignatureCheck { VERIFIED, UNSIGNED, UNSIGNED_REQUIRED, UNCHECKED, NOT_VERIFIED }

    /**
     * One entry as checked.
     *
     * @param beforeLink problems found before the link to the previous entry is checked
     * @param chain the chain fields, or null when the entry could not be read that far (then
     *     {@code afterLink} is empty and nothing else is set)
     * @param payloadSha512 hex SHA-512 of the payload, what the next entry's {@code prev} must be
     * @param leafHash the payload's RFC 6962 Merkle leaf hash
     * @param afterLink problems found after the link checks: digests, then signatures
     */
    record Checked(long index, String name, List<ChainProblem> beforeLink, ChainFields chain, String payloadSha512,
            byte[] leafHash, List<ChainProblem> afterLink, SignatureCheck signatures) {

        boolean readable() {
            return chain != null;
        }
    }

    private final List<TrustedKey> trustedKeys;
    private final EnumSet<SignatureAlgorithm> requiredAlgorithms;
    private final EntryBytes bytes;

    EntryChecks(List<TrustedKey> trustedKeys, Set<SignatureAlgorithm> requiredAlgorithms, EntryBytes bytes) {
        this.trustedKeys = List.copyOf(trustedKeys);
        // An EnumSet, so problems about missing algorithms come in one fixed order.
        this.requiredAlgorithms = requiredAlgorithms.isEmpty() ? EnumSet.noneOf(SignatureAlgorithm.class)
                : EnumSet.copyOf(requiredAlgorithms);
        this.bytes = bytes;
    }

    /**
     * The checked entries of {@code indexes} (ascending), in that order, computed by up to
     * {@code parallelism} threads at most {@code window} entries ahead of the consumer. With a
     * parallelism of 1 everything runs on the caller's thread, one entry at a time. Close the
     * results to stop their threads.
     */
    Results results(Iterator<Long> indexes, int parallelism, int window) {
        return new Results(indexes, parallelism, window);
    }

    /** The results in index order; {@link #close} releases the threads. */
    final class Results implements Iterator<Checked>, AutoCloseable {
        private final Iterator<Long> indexes;
        private final ExecutorService pool;
        private final int window;
        private final ArrayDeque<Future<Checked>> ahead = new ArrayDeque<>();

        private Results(Iterator<Long> indexes, int parallelism, int window) {
            this.indexes = indexes;
            this.window = Math.max(1, window);
            if (parallelism <= 1) {
                this.pool = null;
            } else {
                AtomicInteger n = new AtomicInteger();
                this.pool = Executors.newFixedThreadPool(parallelism, r -> {
                    Thread t = new Thread(r, "root24-verify-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
            }
        }

        @Override
        public boolean hasNext() {
            return !ahead.isEmpty() || indexes.hasNext();
        }

        @Override
        public Checked next() {
            if (pool == null) {
                if (!indexes.hasNext()) {
                    throw new NoSuchElementException();
                }
                return check(indexes.next());
            }
            while (ahead.size() < window && indexes.hasNext()) {
                long index = indexes.next();
                ahead.add(pool.submit(() -> check(index)));
            }
            Future<Checked> first = ahead.poll();
            if (first == null) {
                throw new NoSuchElementException();
            }
            try {
                return first.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("verification interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                ahead.forEach(f -> f.cancel(true));
                pool.shutdownNow();
            }
        }
    }

    /** Every check of one entry that needs no other entry. */
    Checked check(long i) {
        String name = bytes.name(i);
        List<ChainProblem> before = new ArrayList<>();
        byte[] content;
        try {
            content = bytes.read(i);
        } catch (RegularFile.Refused e) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, e.getMessage()));
            return unreadable(i, name, before);
        } catch (IOException e) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, "cannot read (" + e.getClass().getSimpleName() + ")"));
            return unreadable(i, name, before);
        }
        DsseEnvelope envelope;
        try {
            envelope = DsseEnvelope.parse(content);
        } catch (IllegalArgumentException e) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, CanonicalJson.describe(e, "DSSE envelope")));
            return unreadable(i, name, before);
        }
        if (!Arrays.equals(content, envelope.toJson())) {
            before.add(new ChainProblem(Outcome.FAIL, i, name,
                    "envelope bytes are not in the canonical form they were written in (edited after writing)"));
        }
        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, "payloadType is not " + DsseEnvelope.IN_TOTO_PAYLOAD_TYPE));
        }
        byte[] payload = envelope.payload();
        ChainFields chain;
        try {
            // Parsed once for both the fields and the canonical form.
            JsonNode statement = CanonicalJson.parse(payload);
            chain = EntryStatement.chainFields(statement);
            if (!Arrays.equals(payload, CanonicalJson.canonicalize(statement))) {
                before.add(new ChainProblem(Outcome.FAIL, i, name, "payload is not RFC 8785 canonical JSON"));
            }
        } catch (IllegalArgumentException e) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, "payload unreadable: "
                    + CanonicalJson.describe(e, "in-toto Statement")));
            return unreadable(i, name, before);
        }
        if (chain.index() != i) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, "payload says index " + chain.index()
                    + " but the file holds entry " + i + " (moved, swapped or inserted)"));
        }
        if (i == 0 && !chain.prev().isEmpty()) {
            before.add(new ChainProblem(Outcome.FAIL, i, name, "first entry must have an empty prev"));
        }
        List<ChainProblem> after = new ArrayList<>();
        if (!lowercaseHex(chain.sha512(), 128) || !lowercaseHex(chain.blake2b(), 64)) {
            after.add(new ChainProblem(Outcome.FAIL, i, name, "report digests are not lowercase hex SHA-512 and BLAKE2b-256"));
        }
        SignatureCheck signatures = checkSignatures(i, name, envelope, chain, after);
        return new Checked(i, name, before, chain, DigestAlgorithm.SHA_512.hex(payload), MerkleTree.leafHash(payload),
                after, signatures);
    }

    /** Whether {@code text} is {@code length} lowercase hex digits (as {@code [0-9a-f]{length}} matches, without a regex per entry). */
    static boolean lowercaseHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            char c = text.charAt(k);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static Checked unreadable(long i, String name, List<ChainProblem> before) {
        return new Checked(i, name, before, null, null, null, List.of(), null);
    }

    private SignatureCheck checkSignatures(long i, String name, DsseEnvelope envelope, ChainFields chain,
            List<ChainProblem> problems) {
        List<ChainFields.DeclaredSigner> declared = chain.signers();
        List<DsseEnvelope.Signature> present = envelope.signatures();
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
        byte[] pae = envelope.pae();
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

    static String names(Set<SignatureAlgorithm> algorithms) {
        if (algorithms.isEmpty()) {
            return "any";
        }
        return String.join(" and ", algorithms.stream().map(SignatureAlgorithm::displayName).toList());
    }

    private static String shortId(String keyid) {
        return keyid.length() > 16 ? keyid.substring(0, 16) : keyid;
    }
}
