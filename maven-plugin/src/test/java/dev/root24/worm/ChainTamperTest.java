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

import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededCases.Gen;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    @BeforeAll
    static void buildChain() throws Exception {
        work = Files.createTempDirectory("root24-tamper");
        original = work.resolve("original");
        owner = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        attacker = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        Chains.build(original, SIZE, owner);
        trustedCheckpoint = Checkpoint.parse(Files.readString(original.resolve("checkpoint")), "trusted");
    }

    @AfterAll
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

    @Test
    void untouchedChainVerifies() {
        ChainVerification v = verify(copy());
        assertThat(v.problems()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Outcome.OK);
        assertThat(v.signed()).isEqualTo(SIZE);
    }

    static Stream<Arguments> entryPlaceBit() {
        return SeededCases.of(40, Gen.ints(0, SIZE - 1), Gen.unitInterval(), Gen.ints(0, 7));
    }

    @SeededProperty
    @MethodSource("entryPlaceBit")
    void flippingAnyByteOfAnyEntryIsDetected(int index, double where, int bit)
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

    static Stream<Arguments> anyEntry25() {
        return SeededCases.of(25, Gen.ints(0, SIZE - 1));
    }

    @SeededProperty
    @MethodSource("anyEntry25")
    void deletingAnyEntryIsDetected(int index) throws IOException {
        Path dir = copy();
        Files.delete(Chains.entry(dir, index));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(index);
        assertThat(v.problems(Outcome.FAIL).get(0).message()).containsAnyOf("missing", "removed");
    }

    /** Two distinct entries: swapping an entry with itself changes nothing, so it would prove nothing. */
    static Stream<Arguments> twoEntries() {
        Gen<Integer> index = Gen.ints(0, SIZE - 1);
        Gen<Integer> other = new Gen<>(List.of(SIZE - 1, 1, 0, SIZE - 2), r -> r.nextInt(SIZE));
        return SeededCases.of(25, index, other).map(arguments -> {
            Object[] values = arguments.get();
            int a = (Integer) values[0];
            int b = (Integer) values[1];
            return a != b ? arguments
                    : Arguments.argumentSet(((Arguments.ArgumentSet) arguments).getName() + " (b moved to "
                            + (b + 1) % SIZE + ")", a, (b + 1) % SIZE);
        });
    }

    @SeededProperty
    @MethodSource("twoEntries")
    void swappingAnyTwoEntriesIsDetected(int a, int b) throws IOException {
        assertThat(a).as("the generator pairs distinct entries").isNotEqualTo(b);
        Path dir = copy();
        Path tmp = dir.resolve("swap.tmp");
        Files.move(Chains.entry(dir, a), tmp);
        Files.move(Chains.entry(dir, b), Chains.entry(dir, a));
        Files.move(tmp, Chains.entry(dir, b));

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(Math.min(a, b));
        assertThat(v.problems(Outcome.FAIL)).extracting(ChainProblem::index).contains((long) a, (long) b);
    }

    static Stream<Arguments> anyPosition() {
        return SeededCases.of(15, Gen.ints(0, SIZE));
    }

    @SeededProperty
    @MethodSource("anyPosition")
    void insertingAForgedEntryIsDetected(int position) throws Exception {
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

    static Stream<Arguments> anyEntry10() {
        return SeededCases.of(10, Gen.ints(0, SIZE - 1));
    }

    @SeededProperty
    @MethodSource("anyEntry10")
    void rewritingHistoryWithAnUntrustedKeyIsDetected(int from) throws Exception {
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

    static Stream<Arguments> anyEntryToResign() {
        return SeededCases.of(10, Gen.ints(0, SIZE - 1));
    }

    @SeededProperty
    @MethodSource("anyEntryToResign")
    void reSigningAnEntryWithAnUntrustedKeyIsDetected(int index) throws Exception {
        Path dir = copy();
        Path file = Chains.entry(dir, index);
        DsseEnvelope envelope = DsseEnvelope.parse(Files.readAllBytes(file));
        DsseEnvelope resigned = DsseEnvelope.sign(envelope.payloadType(), envelope.payload(), attacker);
        Files.write(file, resigned.toJson());

        ChainVerification v = verify(dir);

        assertThat(firstFailure(v)).isEqualTo(index);
        assertThat(v.problems(Outcome.FAIL)).allSatisfy(p -> assertThat(p.index()).isEqualTo(index));
    }

    static Stream<Arguments> entriesKept() {
        return SeededCases.of(15, Gen.ints(1, SIZE - 1));
    }

    @SeededProperty
    @MethodSource("entriesKept")
    void truncatingBelowTheTrustedCheckpointIsDetected(int keep)
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

    @Test
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

    @Test
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
