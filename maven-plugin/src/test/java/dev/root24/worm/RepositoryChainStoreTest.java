package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository chain store against a Maven repository laid out on disk the way the resolver
 * leaves it, fed what a team with deploy rights could put there.
 */
class RepositoryChainStoreTest {

    private static final String SUBJECT = "com.acme:payments";

    @TempDir
    Path repo;

    @TempDir
    Path elsewhere;

    private final Signer owner = Chains.signer(SignatureAlgorithm.ED25519);
    /** Version → resolved file, in deploy order; a null file is a version without certification. */
    private final Map<String, Path> deployed = new LinkedHashMap<>();

    private static CertificationRecord record(String version) {
        CertificationClaims claims = new CertificationClaims(SUBJECT + ":" + version, false,
                new CertificationClaims.Policy(null, null, null, "b".repeat(64), List.of()), List.of(), List.of(), List.of());
        return new CertificationRecord(SUBJECT, null, ("{\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8),
                90, "GOLD", Map.of("static_analysis", 90), "sha256:" + "b".repeat(64), "test", claims);
    }

    private Path file(String version) {
        return repo.resolve("com/acme/payments/" + version + "/payments-" + version + "-root24-certification.dsse.json");
    }

    private RepositoryChainStore store() {
        List<RepositoryChainStore.Deployed> list = new ArrayList<>();
        deployed.forEach((v, f) -> list.add(new RepositoryChainStore.Deployed(v, f)));
        return RepositoryChainStore.of(SUBJECT, "file:test-repo", repo, list, Clock.systemUTC());
    }

    /** What a build does: resolve the chain, build the next entry, deploy it under its version. */
    private WormStore.AppendedEntry deploy(RepositoryChainStore from, String version, Signer signer) throws Exception {
        WormStore.AppendedEntry entry = from.append(record(version), signer);
        put(version, entry.envelope());
        return entry;
    }

    private WormStore.AppendedEntry deploy(String version) throws Exception {
        return deploy(store(), version, owner);
    }

    private void put(String version, byte[] bytes) throws Exception {
        Path f = file(version);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
        deployed.put(version, f);
    }

    private ChainVerification verify() {
        return new ChainVerifier(Chains.trusted(owner), null, Set.of()).verify(store());
    }

    private static JsonNode chain(byte[] envelope) {
        return CanonicalJson.parse(DsseEnvelope.parse(envelope).payload()).path("predicate").path("chain");
    }

    @Test
    void threeDeploysFormOneChainLinkedByPayloadHash() throws Exception {
        WormStore.AppendedEntry first = deploy("1.0");
        WormStore.AppendedEntry second = deploy("1.1");
        WormStore.AppendedEntry third = deploy("1.2");

        assertThat(List.of(first.index(), second.index(), third.index())).containsExactly(0L, 1L, 2L);
        assertThat(chain(third.envelope()).path("prev").stringValue())
                .isEqualTo(DigestAlgorithm.SHA_512.hex(DsseEnvelope.parse(second.envelope()).payload()));
        ChainVerification v = verify();
        assertThat(v.problems()).filteredOn(p -> p.severity() == Outcome.FAIL).isEmpty();
        assertThat(v.problems()).noneMatch(p -> p.message().startsWith(RepositoryChainStore.FORK));
        assertThat(v.entries()).isEqualTo(3);
        assertThat(v.signed()).isEqualTo(3);
        assertThat(store().headVersion()).isEqualTo("1.2");
        // The checkpoint a build attaches covers the whole main line, so it verifies as a trusted checkpoint.
        Checkpoint checkpoint = Checkpoint.parse(third.checkpoint().getBytes(StandardCharsets.UTF_8), "checkpoint");
        assertThat(checkpoint.size()).isEqualTo(3);
        assertThat(new ChainVerifier(Chains.trusted(owner), checkpoint, Set.of()).verify(store()).problems(Outcome.FAIL))
                .isEmpty();
    }

    @Test
    void twoBuildsContinuingFromTheSameEntryAreAForkReportedNotMerged() throws Exception {
        deploy("1.0");
        RepositoryChainStore seenByBoth = store();
        WormStore.AppendedEntry a = deploy(seenByBoth, "1.1", owner);
        WormStore.AppendedEntry b = deploy(seenByBoth, "1.2", owner);
        assertThat(a.index()).isEqualTo(1).isEqualTo(b.index());

        ChainVerification v = verify();
        assertThat(v.problems(Outcome.WARN)).filteredOn(p -> p.message().startsWith(RepositoryChainStore.FORK))
                .singleElement().satisfies(p -> {
                    assertThat(p.index()).isEqualTo(1);
                    assertThat(p.message()).contains("1.1, 1.2").contains("continuing from 1.0 (entry 0)");
                });
        assertThat(v.problems(Outcome.FAIL)).isEmpty();

        // The next build continues one branch; the fork stays reported, the side branch is not absorbed.
        RepositoryChainStore after = store();
        String continued = after.headVersion();
        WormStore.AppendedEntry c = deploy(after, "1.3", owner);
        assertThat(c.index()).isEqualTo(2);
        assertThat(store().mainLine()).containsEntry(1L, continued).containsEntry(2L, "1.3");
        assertThat(verify().problems()).anyMatch(p -> p.message().startsWith(RepositoryChainStore.FORK));
    }

    @Test
    void aForkAtAnOlderIndexFollowsTheBranchALaterEntryExtends() throws Exception {
        deploy("1.0");
        RepositoryChainStore seenByBoth = store();
        deploy(seenByBoth, "1.1", owner);
        WormStore.AppendedEntry stale = deploy(seenByBoth, "1.2", owner);
        // 1.3 continues from 1.1, although 1.2 is newer: a later entry decides the main line.
        deployed.remove("1.2");
        deploy("1.3");
        put("1.2", stale.envelope());
        assertThat(store().mainLine()).containsEntry(1L, "1.1").containsEntry(2L, "1.3");
        assertThat(verify().problems(Outcome.FAIL)).isEmpty();
    }

    @Test
    void aDeletedMiddleCertificationIsAGapAndTheChainIsNotContinuedOverIt() throws Exception {
        deploy("1.0");
        deploy("1.1");
        deploy("1.2");
        Files.delete(file("1.1"));
        deployed.put("1.1", null);

        ChainVerification v = verify();
        assertThat(v.problems(Outcome.FAIL)).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.message()).contains("missing (deleted?)");
        });
        assertThat(v.notes()).anyMatch(n -> n.contains("carry no certification") && n.contains("1.1"));
        assertThatThrownBy(() -> store().append(record("1.3"), owner)).isInstanceOf(WormException.class)
                .hasMessageContaining("entry 1 is missing");

        // Deleting the version from the metadata as well leaves the same gap.
        deployed.remove("1.1");
        assertThat(verify().problems(Outcome.FAIL)).singleElement().satisfies(p -> assertThat(p.index()).isEqualTo(1));
    }

    @Test
    void aCertificationThatIsNotAnEnvelopeFailsNamingTheVersionWithoutEchoingIt() throws Exception {
        deploy("1.0");
        put("1.1", "{\"payload\":\"TOKEN=hunter2\"".getBytes(StandardCharsets.UTF_8));
        ChainVerification v = verify();
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(SUBJECT + ":1.1");
            assertThat(p.message()).startsWith("not a root24 certification");
        });
        assertThat(new String(v.toJson(), StandardCharsets.UTF_8)).doesNotContain("hunter2");
        // The broken one is no head: the next build continues from 1.0.
        assertThat(store().headVersion()).isEqualTo("1.0");
    }

    @Test
    void aCertificationSignedByAnUntrustedKeyFails() throws Exception {
        deploy("1.0");
        deploy(store(), "1.1", Chains.signer(SignatureAlgorithm.ED25519));
        List<ChainProblem> failures = verify().problems(Outcome.FAIL);
        assertThat(failures).isNotEmpty().allMatch(p -> p.index() == 1L);
        assertThat(failures).anyMatch(p -> p.message().contains("not among the trusted keys"));
        assertThatThrownBy(() -> WormStore.requireAppendable(verify(), store(), repo.resolve("v.json")))
                .isInstanceOf(WormException.class).hasMessageContaining("Restore the deleted or damaged certification");
    }

    @Test
    void aCertificationWhosePrevDoesNotMatchFails() throws Exception {
        deploy("1.0");
        WormStore.NewEntry forged = WormStore.NewEntry.after(record("1.1"),
                WormStore.canonicalReport(record("1.1")), owner, 1, "0".repeat(128), null, Clock.systemUTC());
        put("1.1", forged.envelope());
        assertThat(verify().problems(Outcome.FAIL)).singleElement().satisfies(p -> {
            assertThat(p.index()).isEqualTo(1);
            assertThat(p.message()).contains("prev does not match entry 0");
        });
    }

    @Test
    void anotherProjectsCertificationAttachedHereIsRefused() throws Exception {
        deploy("1.0");
        WormStore.AppendedEntry other = store().append(record("9.9"), owner);
        put("1.1", other.envelope());
        assertThat(verify().problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(SUBJECT + ":1.1");
            assertThat(p.message()).contains("not " + SUBJECT + ":1.1");
        });
    }

    @Test
    void aHugeCertificationIsRefusedWithoutReadingIt() throws Exception {
        deploy("1.0");
        Path huge = file("1.1");
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(64L << 20);
        }
        deployed.put("1.1", huge);
        assertThat(verify().problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(SUBJECT + ":1.1");
            assertThat(p.message()).contains("larger than");
        });
        assertThat(store().headVersion()).isEqualTo("1.0");
    }

    @Test
    void aRepositoryPathThroughASymbolicLinkIsNotFollowed() throws Exception {
        deploy("1.0");
        // A valid 1.1 entry outside the repository, reached through a linked version directory.
        Path outside = elsewhere;
        WormStore.AppendedEntry valid = store().append(record("1.1"), owner);
        Files.write(outside.resolve("payments-1.1-root24-certification.dsse.json"), valid.envelope());
        Files.createSymbolicLink(repo.resolve("com/acme/payments/1.1"), outside);
        deployed.put("1.1", file("1.1"));

        ChainVerification v = verify();
        assertThat(v.problems(Outcome.FAIL)).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(SUBJECT + ":1.1");
            assertThat(p.message()).contains("symbolic link").contains("com/acme/payments/1.1");
        });
        assertThat(store().headVersion()).isEqualTo("1.0");
    }

    @Test
    void theLatestSnapshotIsATentativeEntryTheNextReleaseDoesNotDependOn() throws Exception {
        deploy("1.0");
        deploy("1.1-SNAPSHOT");
        ChainVerification v = verify();
        assertThat(v.entries()).isEqualTo(2);
        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        assertThat(v.notes()).anyMatch(n -> n.startsWith("1.1-SNAPSHOT holds the tentative entry 1"));

        // A snapshot repository drops old snapshots: the release after it still links to 1.0, so no gap.
        WormStore.AppendedEntry release = deploy("1.1");
        assertThat(release.index()).isEqualTo(1);
        deployed.remove("1.1-SNAPSHOT");
        assertThat(verify().problems(Outcome.FAIL)).isEmpty();
        assertThat(verify().problems()).noneMatch(p -> p.message().startsWith(RepositoryChainStore.FORK));
    }

    @Test
    void deletingTheNewestCertificationIsCaughtOnlyByACheckpointKeptElsewhere() throws Exception {
        deploy("1.0");
        deploy("1.1");
        Checkpoint kept = Checkpoint.parse(deploy("1.2").checkpoint().getBytes(StandardCharsets.UTF_8), "kept");
        deployed.remove("1.2");

        assertThat(verify().problems(Outcome.FAIL)).isEmpty();
        assertThat(new ChainVerifier(Chains.trusted(owner), kept, Set.of()).verify(store()).problems(Outcome.FAIL))
                .singleElement().satisfies(p -> {
                    assertThat(p.index()).isEqualTo(2);
                    assertThat(p.message()).contains("were removed (truncation or rollback)");
                });
    }

    @Test
    void startingOverAtIndexZeroIsAForkNotANewChain() throws Exception {
        deploy("1.0");
        deploy("1.1");
        // e.g. a build back on the default directory store: an empty view, so entry 0 again
        WormStore.AppendedEntry restart = deploy(RepositoryChainStore.of(SUBJECT, "x", repo, List.of(), Clock.systemUTC()),
                "2.0", owner);
        assertThat(restart.index()).isZero();
        assertThat(verify().problems(Outcome.WARN)).anySatisfy(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.message()).startsWith(RepositoryChainStore.FORK).contains("1.0, 2.0");
        });
        assertThat(store().mainLine()).containsEntry(0L, "1.0").containsEntry(1L, "1.1");
        assertThat(store().headVersion()).isEqualTo("1.1");
    }

    @Test
    void aVersionThatIsAPathIsNeitherResolvedNorQuoted() throws Exception {
        deploy("1.0");
        deployed.put("../../../../etc/TOKEN-x", null);
        ChainVerification v = verify();
        assertThat(v.problems(Outcome.FAIL)).singleElement().satisfies(p -> assertThat(p.message())
                .contains("1 version(s) that are not plain versions"));
        assertThat(new String(v.toJson(), StandardCharsets.UTF_8)).doesNotContain("etc/TOKEN");
        assertThat(List.of("1.0", "1.3-SNAPSHOT", "2.0.0-rc.1+build.5")).allMatch(RepositoryChainStore::isPlainVersion);
        assertThat(List.of("..", "1/2", "1..2", "-1", "", "1\\2", "1.0\n")).noneMatch(RepositoryChainStore::isPlainVersion);
    }

    @Test
    void nothingDeployedStartsAChainAtIndexZero() throws Exception {
        assertThat(store().headVersion()).isNull();
        WormStore.AppendedEntry first = deploy("1.0");
        assertThat(first.index()).isZero();
        assertThat(chain(first.envelope()).path("prev").stringValue()).isEmpty();
    }
}
