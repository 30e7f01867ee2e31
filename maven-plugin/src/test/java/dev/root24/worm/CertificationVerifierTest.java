package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.root24.score.Tier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisation's verifier against what a team that wants GOLD without the work would hand it. */
class CertificationVerifierTest {

    private static final String ORG_POLICY = "a".repeat(64);
    private static final List<String> LOCKED = List.of("scoring", "checks", "failBelow", "worm.trustedKeys");

    @TempDir
    Path dir;

    private PemKeys.KeyPairFiles org;
    private PemKeys.KeyPairFiles team;

    @BeforeEach
    void keys() throws Exception {
        org = PemKeys.writeKeyPairs(dir.resolve("org"), "org", List.of(SignatureAlgorithm.ED25519));
        team = PemKeys.writeKeyPairs(dir.resolve("team"), "team", List.of(SignatureAlgorithm.ED25519));
    }

    private byte[] certify(PemKeys.KeyPairFiles signer, String tier, String policySha256,
            List<CertificationClaims.Override> overrides) throws Exception {
        CertificationClaims claims = new CertificationClaims("com.acme:payments:1.0.0", false,
                new CertificationClaims.Policy("classpath:root24/acme-policy.yaml", "com.acme:acme-root24-policy:1.0.0",
                        policySha256, "b".repeat(64), LOCKED),
                overrides, List.of(new CertificationClaims.CheckClaim("guard", "c".repeat(64), 0, "PASSED", 12, 10)),
                List.of(new CertificationClaims.ToolClaim("guard", "tools/guard.sh", "d".repeat(64), true)));
        CertificationRecord record = new CertificationRecord("com.acme:payments", null, "{}".getBytes(StandardCharsets.UTF_8),
                90, tier, Map.of("static_analysis", 90), "sha256:" + "b".repeat(64), "test", claims);
        Signer s = signer == null ? Signer.unsigned()
                : Signer.of(PemKeys.readPrivateKeys(signer.privateKeyFile()), List.of(), signer.privateKeyFile().toString());
        return WormStore.open(dir.resolve("store-" + System.nanoTime())).append(record, s).envelope();
    }

    private CertificationVerifier.Verdict verify(byte[] envelope, Duration maxAge, Clock clock) throws Exception {
        var requirements = new CertificationVerifier.Requirements(org.publicKeys(), Set.of(), ORG_POLICY, LOCKED, Tier.GOLD,
                maxAge, false);
        return new CertificationVerifier(requirements, clock).verify(envelope);
    }

    private CertificationVerifier.Verdict verify(byte[] envelope) throws Exception {
        return verify(envelope, Duration.ofDays(30), Clock.systemUTC());
    }

    @Test
    void an_honest_certification_is_accepted() throws Exception {
        CertificationVerifier.Verdict verdict = verify(certify(org, "GOLD", ORG_POLICY, List.of()));
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.project()).isEqualTo("com.acme:payments:1.0.0");
        assertThat(verdict.signers()).containsExactly(org.publicKeys().get(0).keyId());
    }

    @Test
    void a_self_signed_certification_is_rejected() throws Exception {
        CertificationVerifier.Verdict verdict = verify(certify(team, "PLATINUM", ORG_POLICY, List.of()));
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons()).singleElement().asString().startsWith("no signature by an organisation key")
                .endsWith("a key of the team's own proves nothing");
    }

    @Test
    void an_unsigned_certification_is_rejected() throws Exception {
        assertThat(verify(certify(null, "GOLD", ORG_POLICY, List.of())).reasons()).containsExactly("it is unsigned");
    }

    @Test
    void a_tampered_certification_is_rejected() throws Exception {
        String json = new String(certify(org, "SILVER", ORG_POLICY, List.of()), StandardCharsets.UTF_8);
        // Raise the tier inside the signed payload: the payload is base64 in the envelope.
        var envelope = DsseEnvelope.parse(json.getBytes(StandardCharsets.UTF_8));
        String payload = new String(envelope.payload(), StandardCharsets.UTF_8).replace("\"tier\":\"SILVER\"", "\"tier\":\"GOLD\"");
        var forged = new DsseEnvelope(envelope.payloadType(), payload.getBytes(StandardCharsets.UTF_8), envelope.signatures());
        CertificationVerifier.Verdict verdict = verify(forged.toJson());
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.reasons()).anyMatch(r -> r.contains("signature does not verify"));
    }

    @Test
    void another_policy_is_rejected_with_both_digests() throws Exception {
        CertificationVerifier.Verdict verdict = verify(certify(org, "GOLD", "e".repeat(64), List.of()));
        assertThat(verdict.reasons()).singleElement().asString()
                .startsWith("its base policy has sha256 " + "e".repeat(64) + ", not the organisation's " + ORG_POLICY);
    }

    @Test
    void an_override_of_a_locked_key_is_rejected_but_a_stricter_gate_is_not() throws Exception {
        var weakened = new CertificationClaims.Override("scoring.weights.static", "35", "0", "pom.xml <staticWeight>");
        var stricter = new CertificationClaims.Override("failBelow", "\"GOLD\"", "\"PLATINUM\"", "-Droot24.failBelow");
        var added = new CertificationClaims.Override("checks[easy]", "(not in the policy)",
                "{\"id\":\"easy\",\"weight\":0} (added: checks is locked, so it carries no points)", "pom.xml <checks>");
        var unlocked = new CertificationClaims.Override("structure.ignore", "(not set)", "[\".idea\"]", "pom.xml <ignore>");
        CertificationVerifier.Verdict verdict = verify(certify(org, "GOLD", ORG_POLICY, List.of(weakened, stricter, added, unlocked)));
        assertThat(verdict.reasons()).containsExactly(
                "it overrides scoring.weights.static, which the organisation locks (scoring), by pom.xml <staticWeight>");
    }

    @Test
    void another_project_s_certification_attached_as_one_s_own_is_rejected() throws Exception {
        CertificationVerifier.Verdict verdict = verify(certify(org, "GOLD", ORG_POLICY, List.of()));
        assertThat(verdict.requireProject("com.acme:payments:1.0.0").accepted()).isTrue();
        assertThat(verdict.requireProject("com.acme:legacy-portal:2.0.0").reasons())
                .containsExactly("it certifies com.acme:payments:1.0.0, not com.acme:legacy-portal:2.0.0");
    }

    @Test
    void a_low_tier_is_rejected() throws Exception {
        assertThat(verify(certify(org, "SILVER", ORG_POLICY, List.of())).reasons())
                .containsExactly("its tier SILVER (90/100) is below the required GOLD");
    }

    @Test
    void an_old_certification_is_rejected() throws Exception {
        byte[] envelope = certify(org, "GOLD", ORG_POLICY, List.of());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(45)), ZoneOffset.UTC);
        assertThat(verify(envelope, Duration.ofDays(30), later).reasons()).singleElement().asString()
                .startsWith("it is 45 days old, older than the maximum 30 days");
    }

    @Test
    void garbage_is_rejected_without_echoing_it() throws Exception {
        CertificationVerifier.Verdict verdict = verify("ghp_0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8));
        assertThat(verdict.accepted()).isFalse();
        assertThat(String.join(" ", verdict.reasons())).doesNotContain("ghp_");
    }

    @Test
    void every_reason_is_listed_at_once() throws Exception {
        var weakened = new CertificationClaims.Override("checks[guard].acceptExitCodes", "[0]", "[0,1]", "pom.xml <checks>");
        CertificationVerifier.Verdict verdict = verify(certify(team, "BRONZE", "e".repeat(64), List.of(weakened)));
        assertThat(verdict.reasons()).hasSize(4);
    }
}
