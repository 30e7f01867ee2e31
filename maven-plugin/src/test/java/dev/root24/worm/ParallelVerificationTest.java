package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * verify-chain spreads the entry checks over threads: whatever the number of threads and the
 * window ahead, the report is the one a one-at-a-time verification gives, problem for problem and
 * in the same order, on a chain with many kinds of damage at once.
 */
class ParallelVerificationTest {

    private static final int SIZE = 60;

    @TempDir
    static Path work;
    private static Path store;
    private static Signer owner;
    private static Checkpoint trustedCheckpoint;
    private static ChainVerification sequential;

    @BeforeAll
    static void damagedChain() throws Exception {
        store = work.resolve("store");
        owner = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        Signer attacker = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        Chains.build(store, SIZE, owner);
        trustedCheckpoint = Checkpoint.parse(Files.readString(store.resolve("checkpoint")), "trusted");

        Files.delete(Chains.entry(store, 5)); // a gap of one
        byte[] flipped = Files.readAllBytes(Chains.entry(store, 9));
        flipped[flipped.length / 2] ^= 0x01; // an edited byte
        Files.write(Chains.entry(store, 9), flipped);
        Files.write(Chains.entry(store, 12), "{\"payloadType\":".getBytes(StandardCharsets.UTF_8)); // unparseable
        Path tmp = work.resolve("swap");
        Files.move(Chains.entry(store, 14), tmp); // two entries swapped
        Files.move(Chains.entry(store, 15), Chains.entry(store, 14));
        Files.move(tmp, Chains.entry(store, 15));
        DsseEnvelope twenty = DsseEnvelope.parse(Files.readAllBytes(Chains.entry(store, 20)));
        Files.write(Chains.entry(store, 20), DsseEnvelope.sign(twenty.payloadType(), twenty.payload(), attacker).toJson());
        DsseEnvelope thirty = DsseEnvelope.parse(Files.readAllBytes(Chains.entry(store, 33)));
        Files.write(Chains.entry(store, 33), new DsseEnvelope(thirty.payloadType(), thirty.payload(),
                List.of(thirty.signatures().get(1))).toJson()); // one of two signatures stripped
        Files.delete(Chains.entry(store, 40)); // a gap of three
        Files.delete(Chains.entry(store, 41));
        Files.delete(Chains.entry(store, 42));
        Files.copy(Chains.entry(store, 50), Chains.entry(store, 51), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        sequential = verifier(1, 1).verify(store);
    }

    private static ChainVerifier verifier(int parallelism, int window) {
        return new ChainVerifier(Chains.trusted(owner), trustedCheckpoint, Set.of(), parallelism, window);
    }

    @Test
    void theSequentialReportNamesEveryDamagedEntry() {
        assertThat(sequential.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(sequential.problems(Outcome.FAIL).stream().map(ChainProblem::index).distinct())
                .contains(5L, 9L, 12L, 14L, 15L, 16L, 20L, 33L, 40L, 51L, 52L);
        assertThat(sequential.problems(Outcome.FAIL)).hasSizeGreaterThan(12);
    }

    @ParameterizedTest(name = "{0} threads, {1} entries ahead")
    @CsvSource({"2, 1", "2, 2", "3, 5", "4, 7", "8, 64", "4, 1000"})
    void anyNumberOfThreadsGivesTheSequentialReport(int parallelism, int window) {
        for (int round = 0; round < 3; round++) {
            ChainVerification parallel = verifier(parallelism, window).verify(store);

            assertThat(parallel.problems()).containsExactlyElementsOf(sequential.problems());
            assertThat(parallel.notes()).isEqualTo(sequential.notes());
            assertThat(parallel.limits()).isEqualTo(sequential.limits());
            assertThat(parallel.entries()).isEqualTo(sequential.entries());
            assertThat(parallel.signed()).isEqualTo(sequential.signed());
            assertThat(parallel.toJson()).isEqualTo(sequential.toJson());
        }
    }

    @Test
    void theDefaultVerifierGivesTheSequentialReport() {
        ChainVerification v = new ChainVerifier(Chains.trusted(owner), trustedCheckpoint, Set.of()).verify(store);

        assertThat(v.toJson()).isEqualTo(sequential.toJson());
    }

    /** The digest check that replaced the regular expressions {@code [0-9a-f]{128}} and {@code [0-9a-f]{64}}. */
    @ParameterizedTest(name = "\"{0}\" of {1} digits: {2}")
    @CsvSource({"0123456789abcdef, 16, true", "0123456789ABCDEF, 16, false", "0123456789abcdeg, 16, false",
            "0123456789abcde, 16, false", "0123456789abcdef0, 16, false", "'', 0, true", "'٠١', 2, false",
            "'ab ', 3, false"})
    void reportDigestsMustBeLowercaseHex(String text, int length, boolean expected) {
        assertThat(EntryChecks.lowercaseHex(text, length)).isEqualTo(expected);
        assertThat(text.matches("[0-9a-f]{" + length + "}")).isEqualTo(expected);
    }

    @Test
    void anIntactChainVerifiesInParallel(@TempDir Path dir) throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519);
        Chains.build(dir, 300, signer);

        ChainVerification v = new ChainVerifier(Chains.trusted(signer), null, Set.of(), 4, 3).verify(dir);

        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        assertThat(v.entries()).isEqualTo(300);
        assertThat(v.signed()).isEqualTo(300);
    }
}
