package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.root24.exec.Finding;
import dev.root24.policy.PolicyException;
import dev.root24.ci.Points;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditImprovement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WormAuditPhaseTest {

    @TempDir
    Path root;

    private static ChainVerification chain(long entries, long signed, ChainProblem... problems) {
        return new ChainVerification("native", "store", entries, signed, List.of(problems), List.of(), List.of());
    }

    private int score(ChainVerification chain, boolean trust, boolean signs, List<String> evidence) throws PolicyException {
        return new WormAuditPhase(chain, trust, signs, evidence, "02_audit_logging/worm").evaluate(root).score().score();
    }

    @Test
    void firstUnsignedRunScoresChainAndEvidenceOnly() throws Exception {
        AuditEvidence evidence = new WormAuditPhase(chain(0, 0), false, false, List.of(), "worm").evaluate(root);

        assertThat(evidence.score().score()).isEqualTo(65);
        assertThat(evidence.score().measured()).isTrue();
        assertThat(evidence.findings()).extracting(Finding::kind).containsExactly("UNTRUSTED");
    }

    @Test
    void signingWithATrustedKeyCompletesTheProof() throws Exception {
        assertThat(score(chain(0, 0), true, true, List.of())).isEqualTo(100);
    }

    @Test
    void signatureShareCountsEveryEntryAndThisRun() throws Exception {
        // 1 of 3 earlier entries signed, this run signed: S = 2/4 -> 40 + 17.5 + 25
        assertThat(score(chain(3, 1), true, true, List.of())).isEqualTo(82);
        // trusted keys configured but this run unsigned: S = 1/4 -> 40 + 8.75 + 25
        assertThat(score(chain(3, 1), true, false, List.of())).isEqualTo(73);
    }

    @Test
    void aFailingChainLosesItsFortyPointsAndIsReportedWithItsPlace() throws Exception {
        ChainProblem broken = new ChainProblem(Outcome.FAIL, 0L, "entry-0000000000.dsse.json", "payload digest mismatch");
        AuditEvidence evidence = new WormAuditPhase(chain(2, 2, broken), true, true, List.of(), "02_audit_logging/worm")
                .evaluate(root);

        assertThat(evidence.score().score()).isEqualTo(60); // 0 + 35 + 25
        assertThat(evidence.findings()).first().satisfies(f -> {
            assertThat(f.file()).isEqualTo("02_audit_logging/worm/entry-0000000000.dsse.json");
            assertThat(f.message()).isEqualTo("entry 0: payload digest mismatch");
        });
    }

    @Test
    void warningsDoNotCostTheChainPoints() throws Exception {
        ChainProblem few = new ChainProblem(Outcome.WARN, null, null, "fewer than two entries");
        assertThat(score(chain(1, 1, few), true, true, List.of())).isEqualTo(100);
    }

    @Test
    void missingEvidenceCostsItsShareAndIsNamed() throws Exception {
        Files.createDirectories(root.resolve("02_audit_logging"));
        Files.writeString(root.resolve("02_audit_logging/trail.jsonl"), "{}\n");

        AuditEvidence evidence = new WormAuditPhase(chain(0, 0), false, false,
                List.of("02_audit_logging/trail.jsonl", "02_audit_logging/missing.jsonl"), null).evaluate(root);

        assertThat(evidence.score().score()).isEqualTo(52); // 40 + 0 + 12.5
        assertThat(evidence.findings()).extracting(Finding::kind, Finding::file)
                .contains(org.assertj.core.groups.Tuple.tuple("MISSING_EVIDENCE", "02_audit_logging/missing.jsonl"));
    }

    @Test
    void improvementsNameWhatWouldRaiseTheScoreAndAddUpExactly() throws Exception {
        AuditEvidence evidence = new WormAuditPhase(chain(2, 0), true, false,
                List.of("02_audit_logging/a.jsonl", "02_audit_logging/b.jsonl"), null).evaluate(root);

        // 40 + 35*0/3 + 25*0/2 = 40
        assertThat(evidence.score().score()).isEqualTo(40);
        assertThat(evidence.improvements()).extracting(AuditImprovement::description).containsExactly(
                "sign this build with a trusted key (signingKey or ROOT24_SIGNING_KEY)",
                "add the evidence file 02_audit_logging/a.jsonl",
                "add the evidence file 02_audit_logging/b.jsonl");
        Points all = evidence.exact();
        for (AuditImprovement improvement : evidence.improvements()) {
            all = all.plus(improvement.points());
        }
        // 40 + 35/3 + 25 = 76.67: signing only this run's slot, history stays unsigned
        assertThat(all.percentOf(100)).isEqualTo(76);
        assertThat(all).isEqualTo(Points.of(40, 1).plus(Points.of(35, 3)).plus(Points.of(25, 1)));
    }

    @Test
    void evidenceOutsideTheRootIsAConfigurationError() {
        assertThatThrownBy(() -> score(chain(0, 0), false, false, List.of("../../etc/passwd")))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("evidence '../../etc/passwd' is outside the repository root");
    }

    @Test
    void wormChainCheckFailsOnlyOnAFailingChain() throws Exception {
        ChainProblem warn = new ChainProblem(Outcome.WARN, null, null, "unsigned");
        ChainProblem fail = new ChainProblem(Outcome.FAIL, 1L, "entry-0000000001.dsse.json", "prev does not link");

        assertThat(new WormAuditPhase(chain(2, 0, warn), false, false, List.of(), "w").chainCheck().run(root).passed())
                .isTrue();
        var outcome = new WormAuditPhase(chain(2, 0, fail), false, false, List.of(), "w").chainCheck().run(root);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.output()).contains("FAIL entry 1 (entry-0000000001.dsse.json): prev does not link");
        assertThat(outcome.findings()).extracting(Finding::file).containsExactly("w/entry-0000000001.dsse.json");
    }
}
