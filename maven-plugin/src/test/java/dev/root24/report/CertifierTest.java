package dev.root24.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.CheckStatus;
import dev.root24.findings.DeclarationLines;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditPhase;
import dev.root24.score.Phase;
import dev.root24.score.PhaseScore;
import dev.root24.score.Tier;
import dev.root24.structure.StructurePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertifierTest {

    @TempDir
    Path dir;

    private static PolicyDocument document(List<PolicyDocument.Check> checks, PolicyDocument.Scoring scoring, String failBelow) {
        return new PolicyDocument(1, null, null, checks, scoring, failBelow, null, null, null);
    }

    private static PolicyDocument.Check check(String id, String command, String timeout) {
        return new PolicyDocument.Check(id, command, timeout, null, null, null, null);
    }

    @Test
    void settingsHaveTheDefaults() throws Exception {
        CertifySettings settings = CertifySettings.from(PolicyDocument.empty(), RepositoryRoot.of(dir));
        assertThat(settings.checks()).isEmpty();
        assertThat(settings.tools()).isEmpty();
        assertThat(settings.weights().staticWeight()).isEqualTo(35);
        assertThat(settings.thresholds().gold()).isEqualTo(85);
        assertThat(settings.failBelow()).isEqualTo(Tier.NONE);
        assertThat(settings.minScore()).isZero();
    }

    @Test
    void configurationMistakesAreOneLineMessages() throws Exception {
        RepositoryRoot root = RepositoryRoot.of(dir);
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(check("a", "x", "soon")), null, null), root))
                .isInstanceOf(PolicyException.class).hasMessage("check 'a': timeout must be " + dev.root24.policy.TimeoutFormat.ACCEPTED);
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(check("a", "x", null), check("a", "y", null)), null, null), root))
                .hasMessage("check 'a' is configured twice");
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(check(null, "x", null)), null, null), root))
                .hasMessage("checks[0]: a check needs an <id>");
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(check("q", "echo 'open", null)), null, null), root))
                .hasMessage("check 'q': cannot split the command: unterminated single quote at column 6");
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(), new PolicyDocument.Scoring(
                new PolicyDocument.Weights(35, 40, 20), null), null), root))
                .hasMessage("phase weights must sum to 100, got 35 + 40 + 20 = 95");
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(), null, "gilded"), root))
                .hasMessageContaining("failBelow: 'gilded' is not a tier");
        // From the POM or -Droot24.failBelow, a typo gets the same "did you mean" as in the policy file.
        assertThatThrownBy(() -> CertifySettings.from(document(List.of(), null, "SILVR"), root))
                .hasMessage("failBelow: 'SILVR' is not a tier (NONE, BRONZE, SILVER, GOLD, PLATINUM; did you mean 'SILVER'?)");
        assertThatThrownBy(() -> CertifySettings.from(new PolicyDocument(1, null, new PolicyDocument.Ci("nope", null, null),
                null, null, null, null, null, null), root)).hasMessageContaining("unknown ciReferences preset 'nope'");
    }

    @Test
    void certifiesEndToEndWithTheBuiltInLockAndAnAuditPhase() throws Exception {
        for (String module : StructurePolicy.DEFAULT_MODULES) {
            Files.createDirectories(dir.resolve(module));
        }
        Files.writeString(dir.resolve("stray.zip"), "x");
        PolicyDocument doc = document(List.of(check("root24Lock", null, null), check("ok", "true", "10s"),
                check("bad", "false", "10s")), null, "SILVER");
        CertifySettings settings = CertifySettings.from(doc, RepositoryRoot.of(dir));
        AuditPhase audit = root -> new AuditEvidence(PhaseScore.measured(Phase.AUDIT, 91, "25 entries verified"), List.of());
        Certifier certifier = new Certifier(RepositoryRoot.of(dir), settings, BuiltInChecks.none(), audit, 2, 4_000, Map.of(),
                Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
        Certification c = certifier.certify("1.0", null, "pom.xml", Map.of(), Map.of());
        assertThat(c.checks()).extracting(r -> r.status()).containsExactly(CheckStatus.FAILED, CheckStatus.PASSED, CheckStatus.FAILED);
        assertThat(c.checks().get(0).findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo("FORBIDDEN_FILE");
            assertThat(f.file()).isEqualTo("stray.zip");
        });
        // static not measured (0), dynamic 33, audit 91: 0 + 13.2 + 22.75 = 35
        assertThat(c.scorecard().verdict()).isEqualTo("ROOT24 35/100 NONE (static not measured, dynamic 33, audit 91)");
        assertThat(c.passesGate()).isFalse();
        assertThat(Arrays.asList(c.nextTier().outcome().name())).containsAnyOf("FOUND", "OUT_OF_REACH");
    }

    @Test
    void checksAreFoundInThePom(@TempDir Path tmp) throws Exception {
        Path pom = tmp.resolve("pom.xml");
        Files.writeString(pom, "<project>\n<id>opa_eval</id>\n<checks>\n<check>\n<id>opa_eval</id>\n</check>\n</checks>\n</project>\n");
        assertThat(DeclarationLines.find(pom, List.of("opa_eval", "missing"))).containsExactly(Map.entry("opa_eval", 5));
        assertThat(DeclarationLines.find(tmp.resolve("none.xml"), List.of("x"))).isEmpty();
    }
}
