package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WormStoreTest {

    @TempDir
    Path dir;

    @Test
    void signedAppendsFormOneVerifiedChainAcrossStoreInstances() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        WormStore.open(dir).append(Chains.record(0), signer);
        // A later build opens the store afresh and continues the chain.
        WormStore.AppendedEntry second = WormStore.open(dir).append(Chains.record(1), signer);
        WormStore.AppendedEntry third = WormStore.open(dir).append(Chains.record(2), signer);

        assertThat(second.index()).isEqualTo(1);
        assertThat(third.file()).isEqualTo(dir.toRealPath().resolve("entry-0000000002.dsse.json"));
        assertThat(Files.readAllBytes(third.file())).isEqualTo(third.envelope());
        assertThat(Files.readString(dir.resolve("checkpoint"))).isEqualTo(third.checkpoint());

        ChainVerification v = new ChainVerifier(Chains.trusted(signer), null, Set.of()).verify(dir);
        assertThat(v.problems()).isEmpty();
        assertThat(v.outcome()).isEqualTo(Outcome.OK);
        assertThat(v.signed()).isEqualTo(3);
    }

    @Test
    void entryIsAnInTotoStatementWithTheChainFields() throws Exception {
        WormStore store = WormStore.open(dir);
        store.append(Chains.record(0), Signer.unsigned());
        byte[] payload = DsseEnvelope.parse(store.append(Chains.record(1), Signer.unsigned()).envelope()).payload();

        String text = new String(payload, StandardCharsets.UTF_8);
        ChainFields chain = EntryStatement.chainFields(payload);
        byte[] first = DsseEnvelope.parse(Files.readAllBytes(Chains.entry(dir, 0))).payload();

        assertThat(text).startsWith("{\"_type\":\"https://in-toto.io/Statement/v1\",\"predicate\":{");
        assertThat(text).contains("\"status\":\"unsigned\"", "\"predicateType\":\"https://root24.dev/certification/v1\"",
                "{\"digest\":{\"blake2b256\":\"" + chain.blake2b() + "\",\"sha512\":\"" + chain.sha512() + "\"},\"name\":\"report.json\"}");
        assertThat(chain.prev()).isEqualTo(DigestAlgorithm.SHA_512.hex(first));
        byte[] canonicalReport = CanonicalJson.canonicalize(Chains.record(1).reportJson());
        assertThat(chain.sha512()).isEqualTo(DigestAlgorithm.SHA_512.hex(canonicalReport));
        assertThat(chain.blake2b()).isEqualTo(DigestAlgorithm.BLAKE2B_256.hex(canonicalReport));
    }

    @Test
    void unsignedChainWarnsAndNeverPretendsToBeSigned() throws Exception {
        Chains.build(dir, 3, Signer.unsigned());

        ChainVerification v = new ChainVerifier(List.of(), null, Set.of()).verify(dir);

        assertThat(v.outcome()).isEqualTo(Outcome.WARN);
        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        assertThat(v.problems(Outcome.WARN)).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.message()).isEqualTo("entries 0..2 (3) are unsigned (hash-chained only; no signatures are required)");
        });
        assertThat(Files.readString(dir.resolve("checkpoint"))).doesNotContain("\u2014");
    }

    @Test
    void signedChainWithoutTrustedKeysWarnsThatNothingWasChecked() throws Exception {
        Chains.build(dir, 2, Chains.signer(SignatureAlgorithm.ED25519));

        ChainVerification v = new ChainVerifier(List.of(), null, Set.of()).verify(dir);

        assertThat(v.outcome()).isEqualTo(Outcome.WARN);
        assertThat(v.signed()).isZero();
        assertThat(v.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("entries 0..1 (2) are signed, but no trusted keys were given: signatures not checked"));
        assertThat(v.limits()).anySatisfy(l -> assertThat(l).startsWith("No trusted keys were given"));
    }

    @Test
    void unsignedChainFailsWhenSignaturesAreRequired() throws Exception {
        Chains.build(dir, 2, Signer.unsigned());
        Signer expected = Chains.signer(SignatureAlgorithm.ED25519);

        ChainVerification v = new ChainVerifier(Chains.trusted(expected), null, Set.of()).verify(dir);

        assertThat(v.problems(Outcome.FAIL)).extracting(ChainProblem::index).contains(0L, 1L);
    }

    @Test
    void dualSignedEntryMissingOneRequiredAlgorithmFails() throws Exception {
        Signer edOnly = Chains.signer(SignatureAlgorithm.ED25519);
        Chains.build(dir, 2, edOnly);

        ChainVerification v = new ChainVerifier(Chains.trusted(edOnly), null,
                Set.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519)).verify(dir);

        assertThat(v.problems(Outcome.FAIL)).hasSize(2 + 1)
                .anySatisfy(p -> assertThat(p.message()).contains("no valid ML-DSA-44 signature"));
    }

    @Test
    void timestampsRiseStrictlyEvenWhenTheClockStandsStill() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        WormStore store = WormStore.open(dir, WormStore.Durability.FSYNC, frozen);
        for (int i = 0; i < 3; i++) {
            store.append(Chains.record(i), Signer.unsigned());
        }
        byte[] last = DsseEnvelope.parse(Files.readAllBytes(Chains.entry(dir, 2))).payload();

        assertThat(EntryStatement.chainFields(last).timestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:00.000002Z"));
        assertThat(new ChainVerifier(List.of(), null, Set.of()).verify(dir).problems(Outcome.FAIL)).isEmpty();
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndADamagedHeadStopsTheAppend() throws Exception {
        Chains.build(dir, 1, Signer.unsigned());
        Path squatter = Chains.entry(dir, 1);
        Files.writeString(squatter, "not an entry");

        assertThatThrownBy(() -> WormStore.open(dir).append(Chains.record(1), Signer.unsigned()))
                .isInstanceOf(WormException.class)
                .hasMessageContaining("entry-0000000001.dsse.json")
                .hasMessageContaining("refusing to extend");
        assertThat(Files.readString(squatter)).isEqualTo("not an entry");
    }

    @Test
    void leftoversOfACrashedAppendAreClearedAndIgnored() throws Exception {
        Chains.build(dir, 1, Signer.unsigned());
        Files.writeString(dir.resolve(".incoming/entry-dead.tmp"), "{\"half");

        assertThat(new ChainVerifier(List.of(), null, Set.of()).verify(dir).problems()).noneMatch(p -> p.file() != null
                && p.file().contains("incoming"));
        WormStore.open(dir).append(Chains.record(1), Signer.unsigned());
        assertThat(dir.resolve(".incoming")).isEmptyDirectory();
    }

    @Test
    void oversizedFilesAreNotReadAsEntries() throws Exception {
        Chains.build(dir, 1, Signer.unsigned());
        Files.write(Chains.entry(dir, 1), new byte[(1 << 20) + 1]);

        assertThat(new ChainVerifier(List.of(), null, Set.of()).verify(dir).problems(Outcome.FAIL))
                .anySatisfy(p -> assertThat(p.message()).contains("larger than 1 MiB"));
        assertThatThrownBy(() -> WormStore.open(dir).append(Chains.record(2), Signer.unsigned()))
                .hasMessageContaining("larger than 1 MiB");
    }

    @Test
    void aRemovedIncomingDirectoryIsRecreated() throws Exception {
        WormStore store = WormStore.open(dir);
        Files.delete(dir.resolve(".incoming"));

        assertThat(store.append(Chains.record(0), Signer.unsigned()).index()).isZero();
    }

    @Test
    void invalidReportJsonIsAOneLineError() {
        CertificationRecord bad = new CertificationRecord("s", null, "{".getBytes(), 1, "NONE", java.util.Map.of(), null, "v");
        assertThatThrownBy(() -> WormStore.open(dir).append(bad, Signer.unsigned()))
                .isInstanceOf(WormException.class).hasMessageStartingWith("report.json: ");
    }

    @Test
    void laggingCheckpointIsANoteNotAFailure() throws Exception {
        Chains.build(dir, 2, Signer.unsigned());
        String two = Files.readString(dir.resolve("checkpoint"));
        Chains.build(dir, 1, Signer.unsigned());
        Files.writeString(dir.resolve("checkpoint"), two);

        ChainVerification v = new ChainVerifier(List.of(), null, Set.of()).verify(dir);

        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("covers 2 of 3"));
    }
}
