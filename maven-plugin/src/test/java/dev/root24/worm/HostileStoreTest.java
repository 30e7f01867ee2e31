package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regression corpus of issue 12: stores a hostile team would hand over. Nothing in a store is
 * followed if it is a link, only regular files are read, every read is bounded, and no message
 * quotes what a file holds.
 */
class HostileStoreTest {

    private static final String TOKEN = "ghp_" + "Zk3q9VtY2pLmN8xR4sW7uB1cD6eF0gH5jK";

    @TempDir
    Path dir;

    private Path store() throws IOException {
        return Files.createDirectories(dir.resolve("store"));
    }

    private Path outside(String... names) throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        for (String name : names) {
            Files.writeString(outside.resolve(name), "precious " + name);
        }
        return outside;
    }

    private static ChainVerification verify(Path store) {
        return new ChainVerifier(List.of(), null, Set.of()).verify(store);
    }

    private static String allText(ChainVerification v) {
        return new String(v.toJson(), StandardCharsets.UTF_8) + v.problems();
    }

    // 1
    @Test
    void incomingLinkedOutsideIsRefusedAndNothingThereIsDeleted() throws Exception {
        Path store = store();
        Chains.build(store, 1, Signer.unsigned());
        Path outside = outside("a.txt", "b.txt");
        Files.delete(store.resolve(WormStore.INCOMING_DIR));
        Files.createSymbolicLink(store.resolve(WormStore.INCOMING_DIR), outside);

        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(1), Signer.unsigned()))
                .isInstanceOf(WormException.class).hasMessageContaining(".incoming").hasMessageContaining("symbolic link");
        try (var files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("a.txt", "b.txt");
        }
        assertThat(Chains.entry(store, 1)).doesNotExist();
        ChainVerification v = verify(store);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(".incoming");
            assertThat(p.message()).contains("symbolic link");
        });
    }

    // 2
    @Test
    void lockLinkedOutsideIsRefusedAndCreatesNothingThere() throws Exception {
        Path store = store();
        Chains.build(store, 1, Signer.unsigned());
        Path target = outside().resolve("created-by-lock");
        Files.delete(store.resolve(WormStore.LOCK_FILE));
        Files.createSymbolicLink(store.resolve(WormStore.LOCK_FILE), target);

        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(1), Signer.unsigned()))
                .isInstanceOf(WormException.class).hasMessageContaining(".lock").hasMessageContaining("symbolic link");
        assertThat(target).doesNotExist();
        assertThat(verify(store).problems(Outcome.FAIL)).anySatisfy(p -> assertThat(p.file()).isEqualTo(".lock"));
    }

    // 3
    @Test
    void entryLinkedToASecretIsAFailNamingItAndNeverQuotesTheSecret() throws Exception {
        Path store = store();
        Chains.build(store, 2, Signer.unsigned());
        Path secret = outside().resolve("token");
        Files.writeString(secret, TOKEN + "\n");
        Files.createSymbolicLink(Chains.entry(store, 2), secret);

        ChainVerification v = verify(store);
        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.index()).isEqualTo(2);
            assertThat(p.message()).contains("symbolic link");
        });
        assertThat(allText(v)).doesNotContain("ghp_").doesNotContain("Zk3q9");
        // Appending after it is refused with the same cause, and quotes nothing either.
        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(2), Signer.unsigned()))
                .hasMessageContaining("entry-0000000002.dsse.json").hasMessageContaining("symbolic link")
                .hasMessageNotContaining("ghp_");
    }

    @Test
    void unparseableEntryIsReportedByByteOffsetNotByTheTokenJacksonSaw() throws Exception {
        Path store = store();
        Files.writeString(Chains.entry(store, 0), TOKEN);

        ChainVerification v = verify(store);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p ->
                assertThat(p.message()).matches("not a valid DSSE envelope at byte \\d+"));
        assertThat(allText(v)).doesNotContain("ghp_").doesNotContain("Zk3q9").doesNotContain("Unrecognized");
        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(1), Signer.unsigned()))
                .hasMessageContaining("not a valid DSSE envelope at byte").hasMessageNotContaining("ghp_");
    }

    // 4
    @Test
    void checkpointLinkedToAPrivateKeyIsAFailAndTheKeyIsNotPrinted() throws Exception {
        Path store = store();
        Chains.build(store, 2, Signer.unsigned());
        Path key = outside().resolve("key.pem");
        String body = "MC4CAQAwBQYDK2VwBCIEIGm0eBvTq3m8r7Wc1nqkUu4S6cJQnW0ZlWbmTBfnYc0a";
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        Files.delete(store.resolve(WormStore.CHECKPOINT_FILE));
        Files.createSymbolicLink(store.resolve(WormStore.CHECKPOINT_FILE), key);

        ChainVerification v = verify(store);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("checkpoint");
            assertThat(p.message()).contains("symbolic link");
        });
        assertThat(allText(v)).doesNotContain(body).doesNotContain("MC4CAQAw");
    }

    @Test
    void checkpointTextThatIsAKeyIsRejectedWithoutQuotingIt() throws Exception {
        String body = "MC4CAQAwBQYDK2VwBCIEIGm0eBvTq3m8r7Wc1nqkUu4S6cJQnW0ZlWbmTBfnYc0a";
        assertThatThrownBy(() -> Checkpoint.parse("-----BEGIN PRIVATE KEY-----\n" + body
                + "\n-----END PRIVATE KEY-----\n", "trusted.ckpt"))
                .isInstanceOf(WormException.class).hasMessageStartingWith("trusted.ckpt:2:")
                .hasMessageNotContaining("MC4CAQAw");
    }

    // 7
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFarIndexIsOneGapRangeNotOneProblemPerMissingIndex() throws Exception {
        Path store = store();
        Chains.build(store, 4, Signer.unsigned());
        Files.writeString(Chains.entry(store, 9_999_999_999L), "{}");

        ChainVerification v = verify(store);
        List<ChainProblem> gaps = v.problems(Outcome.FAIL).stream().filter(p -> p.message().contains("missing")).toList();
        assertThat(gaps).hasSize(1);
        assertThat(gaps.get(0).index()).isEqualTo(4);
        assertThat(gaps.get(0).message()).contains("entries 4..9999999998 (9999999995) are missing");
        assertThat(v.problems()).hasSizeLessThan(10);
    }

    @Test
    void aSingleMissingIndexStillReadsAsOneEntry() throws Exception {
        Path store = store();
        Chains.build(store, 3, Signer.unsigned());
        Files.delete(Chains.entry(store, 1));
        assertThat(verify(store).problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.message()).startsWith("entry is missing");
        });
    }

    // 8
    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aCheckpointThatIsAnEndlessDeviceOrHugeIsNotReadWhole() throws Exception {
        Path store = store();
        Chains.build(store, 1, Signer.unsigned());
        Files.delete(store.resolve(WormStore.CHECKPOINT_FILE));
        byte[] big = new byte[Checkpoint.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        Files.write(store.resolve(WormStore.CHECKPOINT_FILE), big);
        assertThat(verify(store).problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("checkpoint");
            assertThat(p.message()).contains("larger than 64 KiB");
        });
        // a trusted checkpoint named by the user may be a link, but not to an endless device
        assertThatThrownBy(() -> RegularFile.readFollowingLinks(Path.of("/dev/zero"), Checkpoint.MAX_BYTES))
                .isInstanceOf(RegularFile.Refused.class).hasMessageContaining("not a regular file");
    }

    @Test
    void readsStopOneBytePastTheLimit() throws Exception {
        Path file = dir.resolve("f");
        Files.write(file, new byte[100]);
        assertThat(RegularFile.read(file, 100)).hasSize(100);
        assertThatThrownBy(() -> RegularFile.read(file, 99)).isInstanceOf(RegularFile.Refused.class)
                .hasMessage("is larger than 99 bytes: not read");
    }

    // 9
    @Test
    @EnabledOnOs(OS.LINUX)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void fifosNamedLikeStoreFilesAreRefusedWithoutBlocking() throws Exception {
        Path store = store();
        Chains.build(store, 1, Signer.unsigned());
        Files.delete(store.resolve(WormStore.CHECKPOINT_FILE));
        mkfifo(store.resolve(WormStore.CHECKPOINT_FILE));
        mkfifo(Chains.entry(store, 1));

        ChainVerification v = verify(store);
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.message()).contains("not a regular file");
        }).anySatisfy(p -> assertThat(p.file()).isEqualTo("checkpoint"));
        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(1), Signer.unsigned()))
                .hasMessageContaining("entry-0000000001.dsse.json").hasMessageContaining("not a regular file");

        Path legacy = Files.createDirectories(dir.resolve("legacy"));
        mkfifo(legacy.resolve("run-1.json"));
        assertThat(new LegacyChainVerifier().verify(legacy).problems(Outcome.FAIL))
                .anySatisfy(p -> assertThat(p.message()).contains("not a regular file"));
    }

    // 10
    @Test
    void manyJunkFilesAreOneWarningWithTheFirstTenNames() throws Exception {
        Path store = store();
        Chains.build(store, 2, Signer.unsigned());
        for (int i = 0; i < 500; i++) {
            Files.createFile(store.resolve(String.format("junk-%04d", i)));
        }
        ChainVerification v = verify(store);
        List<ChainProblem> junk = v.problems().stream().filter(p -> p.message().contains("unexpected")).toList();
        assertThat(junk).hasSize(1);
        assertThat(junk.get(0).message()).isEqualTo("500 unexpected files in the store, first 10 by name: "
                + "junk-0000, junk-0001, junk-0002, junk-0003, junk-0004, junk-0005, junk-0006, junk-0007, junk-0008, junk-0009");
        assertThat(v.toJson().length).isLessThan(4000);
    }

    // 11
    @Test
    void aDanglingLinkAtTheNextIndexNamesTheLinkNotOtherWriters() throws Exception {
        Path store = store();
        Chains.build(store, 2, Signer.unsigned());
        Files.createSymbolicLink(Chains.entry(store, 2), dir.resolve("nowhere"));

        assertThatThrownBy(() -> Chains.fastStore(store).append(Chains.record(2), Signer.unsigned()))
                .isInstanceOf(WormException.class).hasMessageContaining("entry-0000000002.dsse.json")
                .hasMessageContaining("symbolic link").hasMessageNotContaining("other writers");
        assertThat(Files.isSymbolicLink(Chains.entry(store, 2))).isTrue();
        assertThat(verify(store).problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.index()).isEqualTo(2);
            assertThat(p.message()).contains("symbolic link");
        });
    }

    // 6
    @Test
    void outputWrittenOverALinkReplacesTheLinkAndLeavesItsTargetAlone() throws Exception {
        Path target = outside("victim");
        Path out = Files.createDirectories(dir.resolve("target/root24"));
        Path link = out.resolve("chain-verification.json");
        Files.createSymbolicLink(link, target.resolve("victim"));

        dev.root24.output.OutputFile.replace(link, "{}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(target.resolve("victim"))).isEqualTo("precious victim");
        assertThat(Files.isSymbolicLink(link)).isFalse();
        assertThat(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(link)).isEqualTo("{}\n");
        try (var files = Files.list(out)) {
            assertThat(files).hasSize(1);
        }
    }

    // 13
    @Test
    void aChainThatFailsVerificationIsNotExtended() throws Exception {
        Path store = store();
        Chains.build(store, 2, Signer.unsigned());
        Files.writeString(Chains.entry(store, 0), "{}");
        ChainVerification before = verify(store);
        assertThat(before.outcome()).isEqualTo(Outcome.FAIL);

        assertThatThrownBy(() -> WormStore.requireAppendable(before, store, dir.resolve("chain-verification.json")))
                .isInstanceOf(WormException.class)
                .hasMessageContaining("not appending to " + store)
                .hasMessageContaining("FAIL entry 0 (entry-0000000000.dsse.json)")
                .hasMessageContaining("new, empty directory").hasMessageContaining("evidence");
        Chains.build(dir.resolve("fresh"), 1, Signer.unsigned());
        WormStore.requireAppendable(verify(dir.resolve("fresh")), dir.resolve("fresh"), dir.resolve("x.json"));
    }

    // 17
    @Test
    void algorithmNamesInTheSignedPayloadMustBeExact() throws Exception {
        Path store = store();
        Chains.build(store, 1, Chains.signer(SignatureAlgorithm.ED25519));
        byte[] payload = DsseEnvelope.parse(Files.readAllBytes(Chains.entry(store, 0))).payload();
        String text = new String(payload, StandardCharsets.UTF_8);
        assertThat(text).contains("\"algorithm\":\"Ed25519\"");
        assertThat(EntryStatement.chainFields(payload).signers()).hasSize(1);
        for (String variant : List.of("ED25519", "ed25519", "dilithium2")) {
            byte[] changed = text.replace("\"algorithm\":\"Ed25519\"", "\"algorithm\":\"" + variant + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> EntryStatement.chainFields(changed)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not exactly").hasMessageNotContaining(variant);
        }
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
