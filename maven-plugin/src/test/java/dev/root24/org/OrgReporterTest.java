package dev.root24.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.root24.policy.PolicyException;
import dev.root24.score.Tier;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.PemKeys;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.Signer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation report against what teams that want GOLD without the work deploy. */
class OrgReporterTest {

    private static final ProjectCoordinates HONEST = ProjectCoordinates.parse("com.acme:payments");
    private static final ProjectCoordinates OTHER = ProjectCoordinates.parse("com.acme:portal");

    @TempDir
    Path dir;

    private OrgRepositoryFixture repo;
    private PemKeys.KeyPairFiles orgKeys;
    private Signer org;
    private Signer team;

    @BeforeEach
    void setUp() throws Exception {
        repo = new OrgRepositoryFixture(dir.resolve("repo"));
        orgKeys = PemKeys.writeKeyPairs(dir.resolve("org"), "org", List.of(SignatureAlgorithm.ED25519));
        org = OrgRepositoryFixture.signer(orgKeys);
        team = OrgRepositoryFixture.signer(PemKeys.writeKeyPairs(dir.resolve("team"), "team", List.of(SignatureAlgorithm.ED25519)));
    }

    private CertificationVerifier.Requirements requirements() {
        return new CertificationVerifier.Requirements(orgKeys.publicKeys(), Set.of(), OrgRepositoryFixture.ORG_POLICY,
                List.of("scoring"), Tier.NONE, Duration.ofDays(30), false);
    }

    private OrgReporter.Result run(VerificationCache cache, Clock clock, ProjectCoordinates... projects) throws PolicyException {
        return new OrgReporter(requirements(), cache, 2, clock).run(List.of(projects),
                p -> repo.repository.deployed(p, Clock.systemUTC()), "test-policy");
    }

    private ProjectRow row(ProjectCoordinates p) throws PolicyException {
        return run(null, Clock.systemUTC(), p).report().rows().get(0);
    }

    private void honest(ProjectCoordinates p) throws Exception {
        repo.deploy(p, "1.0", org, "SILVER", 75);
        repo.deploy(p, "1.1", org, "GOLD", 88);
        repo.deploy(p, "1.2", org, "GOLD", 90);
    }

    @Test
    void anHonestChainSignedByTheOrganisationIsOkWithItsLatestCertification() throws Exception {
        honest(HONEST);
        ProjectRow r = row(HONEST);
        assertThat(r.status()).as(r.reasons().toString()).isEqualTo(OrgStatus.OK);
        assertThat(r.version()).isEqualTo("1.2");
        assertThat(r.tier()).isEqualTo("GOLD");
        assertThat(r.score()).isEqualTo(90);
        assertThat(r.policyVersion()).isEqualTo("1.0.0");
        assertThat(r.signers()).containsExactly(orgKeys.publicKeys().get(0).keyId().substring(0, 16));
        assertThat(r.entries()).isEqualTo(3);
        assertThat(r.history()).extracting(p -> p.overall()).containsExactly(75, 88, 90);
    }

    @Test
    void aCertificationSignedByTheTeamsOwnKeyFailsVerification() throws Exception {
        repo.deploy(HONEST, "1.0", org, "SILVER", 75);
        repo.deploy(HONEST, "1.1", team, "PLATINUM", 99);
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
        assertThat(r.reasons()).anyMatch(s -> s.contains("no signature by an organisation key"));
        assertThat(r.signers()).isEmpty();
    }

    @Test
    void anAlteredCertificationFailsVerification() throws Exception {
        honest(HONEST);
        Path latest = repo.file(HONEST, "1.2");
        String envelope = Files.readString(latest);
        String payload = envelope.replaceFirst("(?s).*\"payload\":\"([^\"]+)\".*", "$1");
        String raised = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8)
                .replace("\"overallScore\":90", "\"overallScore\":99");
        Files.writeString(latest, envelope.replace(payload, Base64.getEncoder().encodeToString(raised.getBytes(StandardCharsets.UTF_8))));
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
        assertThat(r.reasons()).anyMatch(s -> s.contains("does not verify"));
    }

    @Test
    void anotherProjectsGoldCertificationAttachedAsOnesOwnFailsAndShowsNoScore() throws Exception {
        honest(OTHER);
        repo.put(HONEST, "1.0", Files.readAllBytes(repo.file(OTHER, "1.2")));
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
        assertThat(r.score()).isEqualTo(-1);
        assertThat(r.reasons()).anyMatch(s -> s.contains("certifies another project or version"));
    }

    @Test
    void anUnsignedCertificationIsUnsigned() throws Exception {
        repo.deploy(HONEST, "1.0", Signer.unsigned(), "GOLD", 90);
        assertThat(row(HONEST).status()).isEqualTo(OrgStatus.UNSIGNED);
    }

    @Test
    void aDeletedMiddleCertificationIsAGap() throws Exception {
        honest(HONEST);
        Files.delete(repo.file(HONEST, "1.1"));
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.GAP);
        assertThat(r.reasons()).anyMatch(s -> s.contains("missing"));
        assertThat(r.version()).isEqualTo("1.2");
    }

    @Test
    void twoBuildsFromTheSameEntryAreAFork() throws Exception {
        repo.deploy(HONEST, "1.0", org, "GOLD", 88);
        var seenByBoth = repo.chain(HONEST);
        repo.deploy(seenByBoth, HONEST, "1.1", org, "GOLD", 88);
        repo.deploy(seenByBoth, HONEST, "1.2", org, "GOLD", 89);
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.FORK);
        assertThat(r.reasons()).anyMatch(s -> s.contains("fork"));
    }

    @Test
    void aProjectWithNothingDeployedIsNeverCertified() throws Exception {
        assertThat(row(HONEST).status()).isEqualTo(OrgStatus.NEVER_CERTIFIED);
    }

    @Test
    void anOldCertificationIsStaleEvenWhenTheVerdictComesFromTheCache() throws Exception {
        honest(HONEST);
        VerificationCache cache = VerificationCache.open(dir.resolve("cache"), dir.resolve("cache.key"));
        assertThat(run(cache, Clock.systemUTC(), HONEST).report().rows().get(0).status()).isEqualTo(OrgStatus.OK);
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(40)), ZoneOffset.UTC);
        OrgReporter.Result again = run(cache, later, HONEST);
        assertThat(again.cached()).isEqualTo(1);
        assertThat(again.report().rows().get(0).status()).isEqualTo(OrgStatus.STALE);
    }

    @Test
    void aRerunTakesUnchangedChainsFromTheCacheAndVerifiesChangedOnes() throws Exception {
        honest(HONEST);
        honest(OTHER);
        VerificationCache cache = VerificationCache.open(dir.resolve("cache"), dir.resolve("cache.key"));
        OrgReporter.Result first = run(cache, Clock.systemUTC(), HONEST, OTHER);
        assertThat(first.verified()).isEqualTo(2);
        repo.deploy(OTHER, "1.3", org, "GOLD", 91);
        OrgReporter.Result second = run(cache, Clock.systemUTC(), HONEST, OTHER);
        assertThat(second.cached()).isEqualTo(1);
        assertThat(second.verified()).isEqualTo(1);
        assertThat(second.report().rows()).filteredOn(r -> r.project().equals(OTHER)).singleElement()
                .satisfies(r -> assertThat(r.version()).isEqualTo("1.3"));
    }

    @Test
    void aCertificationRedeployedWithAHigherScoreMissesTheCache() throws Exception {
        honest(HONEST);
        VerificationCache cache = VerificationCache.open(dir.resolve("cache"), dir.resolve("cache.key"));
        run(cache, Clock.systemUTC(), HONEST);
        // Same version, same place, altered content: a key by coordinates would return the old verdict.
        Path latest = repo.file(HONEST, "1.2");
        Files.writeString(latest, Files.readString(latest).replace("\"sig\":\"", "\"sig\":\"AAAA"));
        OrgReporter.Result rerun = run(cache, Clock.systemUTC(), HONEST);
        assertThat(rerun.cached()).isZero();
        assertThat(rerun.report().rows().get(0).status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
    }

    @Test
    void aTamperedCacheEntryIsIgnoredAndCannotRaiseAScoreOrStatus() throws Exception {
        repo.deploy(HONEST, "1.0", org, "SILVER", 75);
        repo.deploy(HONEST, "1.1", team, "PLATINUM", 99);
        Path cacheDir = dir.resolve("cache");
        VerificationCache cache = VerificationCache.open(cacheDir, dir.resolve("cache.key"));
        assertThat(run(cache, Clock.systemUTC(), HONEST).report().rows().get(0).status())
                .isEqualTo(OrgStatus.FAILED_VERIFICATION);
        List<Path> entries;
        try (Stream<Path> files = Files.walk(cacheDir)) {
            entries = files.filter(Files::isRegularFile).toList();
        }
        assertThat(entries).hasSize(1);
        Path entry = entries.get(0);
        // The team rewrites the cached verdict to OK (the MAC line stays as it was).
        Files.writeString(entry, Files.readString(entry).replace("FAILED_VERIFICATION", "OK"));
        OrgReporter.Result rerun = run(cache, Clock.systemUTC(), HONEST);
        assertThat(rerun.cached()).isZero();
        assertThat(rerun.report().rows().get(0).status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
        // A cache key inside the cache directory would let whoever writes the cache forge it.
        assertThatThrownBy(() -> VerificationCache.open(cacheDir, cacheDir.resolve("key")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("may not lie in the cache directory");
    }

    @Test
    void aCacheEntryCopiedToAnotherChainsKeyIsIgnored() throws Exception {
        honest(OTHER);
        repo.deploy(HONEST, "1.0", team, "PLATINUM", 99);
        Path cacheDir = dir.resolve("cache");
        VerificationCache cache = VerificationCache.open(cacheDir, dir.resolve("cache.key"));
        run(cache, Clock.systemUTC(), HONEST, OTHER);
        String honestKey = VerificationCache.key(new OrgReporter(requirements(), cache, 1, Clock.systemUTC()).fingerprint(),
                HONEST, repo.repository.deployed(HONEST, Clock.systemUTC()).digest());
        String otherKey = VerificationCache.key(new OrgReporter(requirements(), cache, 1, Clock.systemUTC()).fingerprint(),
                OTHER, repo.repository.deployed(OTHER, Clock.systemUTC()).digest());
        Path target = cacheDir.resolve(honestKey.substring(0, 2)).resolve(honestKey + ".json");
        Files.copy(cacheDir.resolve(otherKey.substring(0, 2)).resolve(otherKey + ".json"), target,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cache.get(honestKey)).isNull();
        assertThat(run(cache, Clock.systemUTC(), HONEST).report().rows().get(0).status())
                .isEqualTo(OrgStatus.FAILED_VERIFICATION);
    }

    @Test
    void everyArtifactWithCertificationsUnderAGroupIsListed() throws Exception {
        honest(HONEST);
        repo.deploy(OTHER, "2.0", Signer.unsigned(), "GOLD", 90);
        Files.createDirectories(repo.root.resolve("com/acme/no-certification/1.0"));
        Files.createDirectories(repo.root.resolve("org/elsewhere/x/1.0"));
        assertThat(repo.repository.artifacts("com.acme")).containsExactly(HONEST, OTHER);
        assertThatThrownBy(() -> repo.repository.artifacts("../etc")).isInstanceOf(PolicyException.class);
    }

    @Test
    void aGroupDirectoryThatIsALinkOutOfTheRepositoryIsNotFollowed() throws Exception {
        OrgRepositoryFixture elsewhere = new OrgRepositoryFixture(dir.resolve("elsewhere"));
        elsewhere.deploy(HONEST, "1.0", org, "GOLD", 90);
        Files.createDirectories(repo.root.resolve("com"));
        Files.createSymbolicLink(repo.root.resolve("com/acme"), elsewhere.root.resolve("com/acme"));
        assertThatThrownBy(() -> repo.repository.artifacts("com.acme")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("symbolic link");
        ProjectRow r = row(HONEST);
        assertThat(r.status()).isEqualTo(OrgStatus.FAILED_VERIFICATION);
        assertThat(r.reasons()).anyMatch(s -> s.contains("symbolic link"));
    }

    @Test
    void aProjectListNamesTheLineOfABadEntryWithoutQuotingIt() throws Exception {
        Path file = dir.resolve("projects.txt");
        Files.writeString(file, "# the platform's list\ncom.acme:payments\n\ncom.acme:portal # legacy\nsecret-token-xyz\n");
        assertThatThrownBy(() -> ProjectList.of(List.of(), file)).isInstanceOf(PolicyException.class)
                .hasMessage(file + ":5: not groupId:artifactId").hasMessageNotContaining("secret");
        Files.writeString(file, "com.acme:portal\ncom.acme:payments\n");
        assertThat(ProjectList.of(List.of("com.acme:payments,com.acme:billing"), file))
                .containsExactly(ProjectCoordinates.parse("com.acme:billing"), HONEST, OTHER);
        assertThatThrownBy(() -> ProjectList.of(List.of("com.acme:../../etc"), null)).isInstanceOf(PolicyException.class);
    }
}
