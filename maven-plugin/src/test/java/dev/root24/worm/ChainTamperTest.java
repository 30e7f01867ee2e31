package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every way of tampering with a 200-entry dual-signed chain is detected, and the report names the
 * entry that was tampered with.
 */
class ChainTamperTest {

    private static final int SIZE = 200;
    private static Path work;
    private static Path original;
    private static Signer owner;
    private static Signer attacker;
    private static Checkpoint trustedCheckpoint;

    @BeforeContainer
    static void buildChain() throws Exception {
        work = Files.createTempDirectory("root24-tamper");
        original = work.resolve("original");
        owner = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        attacker = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        Chains.build(original, SIZE, owner);
        trustedCheckpoint = Checkpoint.parse(Files.readString(original.resolve("checkpoint")), "trusted");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> all = Files.walk(work)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Path copy() {
        try {
            Path dir = Files.createTempDirectory(work, "case");
            Chains.copy(original, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChainVerification verify(Path dir) {
        return new ChainVerifier(Chains.trusted(owner), trustedCheckpoint, Set.of()).verify(dir);
    }

    /** The lowest entry index any FAIL problem names. */
    private static long firstFailure(ChainVerification v) {
        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        return v.problems(Outcome.FAIL).stream().filter(p -> p.index() != null).mapToLong(ChainProblem::index)
                .min().orElseThrow(() -> new AssertionError("no failure names an entry: " + v.problems()));
    }

    @Example
    void untouchedChainVerifies() {
        ChainVerification v = verify(copy());
        assertThat(v.problems()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Outcome.OK);
        assertThat(v.signed()).isEqualTo(SIZE);
    }

    @Property(tries = 40)
    void flippingAnyByteOfAnyEntryIsDetected(@ForAll @IntRange(max = SIZE - 1) int index,
            @ForAll @DoubleRange(max = 1, maxIncluded = false) double where, @ForAll @IntRange(max = 7) int bit)
            throws IOException {
        Path dir = copy();
        Path file = Chains.entry(dir, index);
        byte[] bytes = Files.readAllBytes(file);
        int at = (int) (where * bytes.length);
        bytes[at] ^= (byte) (1 << bit);
        Files.write(file, bytes);

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).as("byte %d bit %d of entry %d", at, bit, index).isEqualTo(index);
        assertThat(v.problems(Outcome.FAIL)).allSatisfy(p -> assertThat(p.index()).isIn(null, (long) index,
                (long) index + 1, (long) SIZE - 1));
    }

    @Property(tries = 25)
    void deletingAnyEntryIsDetected(@ForAll @IntRange(max = SIZE - 1) int index) throws IOException {
        Path dir = copy();
        Files.delete(Chains.entry(dir, index));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(index);
        assertThat(v.problems(Outcome.FAIL).get(0).message()).containsAnyOf("missing", "removed");
    }

    @Property(tries = 25)
    void swappingAnyTwoEntriesIsDetected(@ForAll @IntRange(max = SIZE - 1) int a, @ForAll @IntRange(max = SIZE - 1) int b)
            throws IOException {
        if (a == b) {
            return;
        }
        Path dir = copy();
        Path tmp = dir.resolve("swap.tmp");
        Files.move(Chains.entry(dir, a), tmp);
        Files.move(Chains.entry(dir, b), Chains.entry(dir, a));
        Files.move(tmp, Chains.entry(dir, b));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(Math.min(a, b));
        assertThat(v.problems(Outcome.FAIL)).extracting(ChainProblem::index).contains((long) a, (long) b);
    }

    @Property(tries = 15)
    void insertingAForgedEntryIsDetected(@ForAll @IntRange(max = SIZE) int position) throws Exception {
        Path dir = copy();
        // The forger writes a well-formed entry that links correctly to its predecessor, signed with
        // their own keys, and shifts the rest up by one.
        for (int i = SIZE - 1; i >= position; i--) {
            Files.move(Chains.entry(dir, i), Chains.entry(dir, i + 1));
        }
        Path scratch = Files.createTempDirectory(work, "forge");
        for (int i = 0; i < position; i++) {
            Files.copy(Chains.entry(original, i), Chains.entry(scratch, i));
        }
        Chains.fastStore(scratch).append(Chains.record(999), attacker);
        Files.copy(Chains.entry(scratch, position), Chains.entry(dir, position));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(position);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.index()).isEqualTo(position);
            assertThat(p.message()).contains("not among the trusted keys");
        });
    }

    @Property(tries = 10)
    void rewritingHistoryWithAnUntrustedKeyIsDetected(@ForAll @IntRange(max = SIZE - 1) int from) throws Exception {
        Path dir = copy();
        // The strongest forger: rebuilds every entry from 'from' on, with valid links, fresh
        // signatures by their own keys and a fresh checkpoint.
        for (int i = from; i < SIZE; i++) {
            Files.delete(Chains.entry(dir, i));
        }
        Files.delete(dir.resolve("checkpoint"));
        WormStore forged = Chains.fastStore(dir);
        for (int i = from; i < SIZE; i++) {
            forged.append(Chains.record(i + 1000), attacker);
        }

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(from);
        assertThat(v.problems(Outcome.FAIL)).noneMatch(p -> p.index() != null && p.index() < from);
    }

    @Property(tries = 10)
    void reSigningAnEntryWithAnUntrustedKeyIsDetected(@ForAll @IntRange(max = SIZE - 1) int index) throws Exception {
        Path dir = copy();
        Path file = Chains.entry(dir, index);
        DsseEnvelope envelope = DsseEnvelope.parse(Files.readAllBytes(file));
        DsseEnvelope resigned = DsseEnvelope.sign(envelope.payloadType(), envelope.payload(), attacker);
        Files.write(file, resigned.toJson());

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(index);
        assertThat(v.problems(Outcome.FAIL)).allSatisfy(p -> assertThat(p.index()).isEqualTo(index));
    }

    @Property(tries = 15)
    void truncatingBelowTheTrustedCheckpointIsDetected(@ForAll @IntRange(min = 1, max = SIZE - 1) int keep)
            throws IOException {
        Path dir = copy();
        for (int i = keep; i < SIZE; i++) {
            Files.delete(Chains.entry(dir, i));
        }
        // Covering tracks: the store's own checkpoint goes too.
        Files.delete(dir.resolve("checkpoint"));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(keep);
        assertThat(v.problems(Outcome.FAIL)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the trusted checkpoint covers 200 entries"));
    }

    @Example
    void rollbackToADifferentHistoryOfTheSameLengthIsDetected() throws Exception {
        Path dir = work.resolve("rollback");
        // The key holder themselves rebuilds the log: signatures are fine, the trusted checkpoint is not.
        Chains.copy(original, dir);
        Files.delete(Chains.entry(dir, SIZE - 1));
        Files.delete(dir.resolve("checkpoint"));
        Chains.fastStore(dir).append(Chains.record(4242), owner);

        ChainVerification v = verify(dir);

        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(v.problems(Outcome.FAIL)).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(SIZE - 1L);
            assertThat(p.message()).contains("history was rewritten");
        });
    }

    @Example
    void strippingOneOfTwoSignaturesIsDetected() throws Exception {
        Path dir = copy();
        Path file = Chains.entry(dir, 7);
        DsseEnvelope envelope = DsseEnvelope.parse(Files.readAllBytes(file));
        Files.write(file, new DsseEnvelope(envelope.payloadType(), envelope.payload(),
                List.of(envelope.signatures().get(1))).toJson());

        ChainVerification v = new ChainVerifier(Chains.trusted(owner), null, Set.of()).verify(dir);

        assertThat(firstFailure(v)).isEqualTo(7);
        assertThat(new String(v.toJson(), StandardCharsets.UTF_8)).contains("\"index\" : 7");
    }
}
