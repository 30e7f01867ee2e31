package dev.root24.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.root24.ci.StaticAnalysis;
import dev.root24.exec.Check;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CheckStatus;
import org.junit.jupiter.api.Test;

class NextTierSearchTest {

    private static final PhaseScore AUDIT_91 = PhaseScore.measured(Phase.AUDIT, 91, "");

    private static CheckResult result(String id, boolean passed, int weight) {
        Check check = new Check(id, "true", false, Duration.ofSeconds(1), Set.of(0), weight, Map.of());
        return new CheckResult(check, "true", passed ? CheckStatus.PASSED : CheckStatus.FAILED, passed ? 0 : 1,
                Duration.ZERO, "", "", 0, 0, null, List.of(), Map.of());
    }

    private static final List<CheckResult> FOUR_PASSING = List.of(result("structure_guard", true, 10),
            result("opa_eval", true, 10), result("self_verify", true, 10), result("pre_commit", true, 10));

    @Test
    void theSeedAnalysisScores52() throws Exception {
        assertThat(SeedAnalysis.create().score()).isEqualTo(52);
    }

    @Test
    void theSeedReachesGoldWithTwoReferencesExactly() throws Exception {
        StaticAnalysis seed = SeedAnalysis.create();
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(seed, FOUR_PASSING, AUDIT_91);
        assertThat(path.from()).isEqualTo(Tier.SILVER);
        assertThat(path.target()).isEqualTo(Tier.GOLD);
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.FOUND);
        // 52.67 + 6 (pre-commit in the gate) + 5.33 (lock gate in its workflow) = 64 tool points exactly -> 85
        // (alone each lifts phase 1 to 58: ties keep report order)
        assertThat(path.steps()).hasSize(2);
        assertThat(path.steps().get(0).action().subject()).isEqualTo("structure_lock_gate");
        assertThat(path.steps().get(0).action().file()).isEqualTo(".github/workflows/ci_structure_guard.yml");
        assertThat(path.steps().get(1).action().subject()).isEqualTo("pre_commit_hooks");
        assertThat(path.steps().get(1).action().file()).isEqualTo(".github/workflows/ci_enforcement_gate.yml");
        assertThat(path.steps().get(0).overallAfter()).isEqualTo(83);
        assertThat(path.overallAfter()).isEqualTo(85);
        assertThat(path.steps().get(1).overallAfter()).isEqualTo(85);
        // gains are exact overall points: 0.35 × (58 - 52) = 2.10, then 0.35 × (64 - 58) = 2.10
        assertThat(path.steps()).extracting(NextTierPath.Step::gain)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.10"), new BigDecimal("2.10"));
        // no single action reaches GOLD: the search proved it before trying pairs
        assertThat(path.largestSetSearched()).isEqualTo(2);
    }

    @Test
    void aFailingCheckIsAnAction() throws Exception {
        StaticAnalysis full = SeedAnalysis.create(Map.of("structure_guard", 2, "structure_policy_opa", 3,
                "root_exceptions", 2, "structure_lock_gate", 3, "pre_commit_hooks", 2, "pytest_structure_tests", 3,
                "worm_audit_logging", 2));
        List<CheckResult> oneFailing = List.of(result("a", true, 10), result("b", false, 10), result("c", true, 10),
                result("d", true, 10));
        // 35 + 0.40 × 75 + 0.25 × 91 = 87.75 -> 87 GOLD; PLATINUM needs b: 97
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(full, oneFailing, AUDIT_91);
        assertThat(path.from()).isEqualTo(Tier.GOLD);
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.FOUND);
        assertThat(path.steps()).extracting(s -> s.action().kind()).containsExactly(Action.Kind.FIX_CHECK);
        assertThat(path.steps().get(0).action().subject()).isEqualTo("b");
        assertThat(path.steps().get(0).gain()).isEqualByComparingTo("10.00");
        assertThat(path.overallAfter()).isEqualTo(97);
    }

    @Test
    void signingIsAnActionWorthItsExactAuditShare() throws Exception {
        StaticAnalysis full = SeedAnalysis.create(Map.of("structure_guard", 2, "structure_policy_opa", 3,
                "root_exceptions", 2, "structure_lock_gate", 3, "pre_commit_hooks", 2, "pytest_structure_tests", 3,
                "worm_audit_logging", 2));
        // an unsigned first run: audit 65 -> 35 + 40 + 16.25 = 91 GOLD; signing adds 35 audit points = 8.75 overall
        AuditEvidence unsigned = new AuditEvidence(PhaseScore.measured(Phase.AUDIT, 65, "unsigned"), List.of(),
                dev.root24.ci.Points.of(65, 1),
                List.of(new AuditImprovement("sign this build", dev.root24.ci.Points.of(35, 1))));

        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(full, FOUR_PASSING, unsigned, null);

        assertThat(path.from()).isEqualTo(Tier.GOLD);
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.FOUND);
        assertThat(path.steps()).singleElement().satisfies(step -> {
            assertThat(step.action().kind()).isEqualTo(Action.Kind.IMPROVE_AUDIT);
            assertThat(step.action().description()).isEqualTo("sign this build");
            assertThat(step.gain()).isEqualByComparingTo("8.75");
        });
        assertThat(path.overallAfter()).isEqualTo(100);
    }

    @Test
    void aTierOutOfReachSaysWhatIsMissing() throws Exception {
        StaticAnalysis full = SeedAnalysis.create(Map.of("structure_guard", 2, "structure_policy_opa", 3,
                "root_exceptions", 2, "structure_lock_gate", 3, "pre_commit_hooks", 2, "pytest_structure_tests", 3,
                "worm_audit_logging", 2));
        List<CheckResult> checks = List.of(result("a", true, 10), result("b", true, 10), result("c", true, 10),
                result("d", true, 10), result("e", false, 2));
        // 35 + 0.40 × floor(100 × 40 / 42) = 35 + 38 = 73 SILVER; without an audit at most 75 < GOLD
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(full, checks,
                PhaseScore.notMeasured(Phase.AUDIT, "no chain"));
        assertThat(path.from()).isEqualTo(Tier.SILVER);
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.OUT_OF_REACH);
        assertThat(path.note()).isEqualTo("GOLD (85) is out of reach: all 1 possible change gives 75"
                + " (the audit phase scores 0)");
    }

    @Test
    void atTheTopThereIsNothingToDo() throws Exception {
        StaticAnalysis full = SeedAnalysis.create(Map.of("structure_guard", 2, "structure_policy_opa", 3,
                "root_exceptions", 2, "structure_lock_gate", 3, "pre_commit_hooks", 2, "pytest_structure_tests", 3,
                "worm_audit_logging", 2));
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(full, FOUR_PASSING,
                PhaseScore.measured(Phase.AUDIT, 100, ""));
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.AT_TOP);
        assertThat(path.steps()).isEmpty();
    }

    @Test
    void anUnmeasuredAuditIsNamedWhenGoldIsOutOfReach() throws Exception {
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT).search(SeedAnalysis.create(), FOUR_PASSING,
                PhaseScore.notMeasured(Phase.AUDIT, "no chain"));
        // 0.35 × 52 + 40 = 58 BRONZE; SILVER (70) needs p1 >= 86
        assertThat(path.from()).isEqualTo(Tier.BRONZE);
        assertThat(path.target()).isEqualTo(Tier.SILVER);
        // the seven best references add 34 tool points: 86.67 -> 86 -> 70; six add only 30
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.FOUND);
        assertThat(path.steps()).hasSize(7);
        assertThat(path.overallAfter()).isEqualTo(70);
    }

    @Test
    void theSearchBoundIsReported() throws Exception {
        NextTierPath path = new NextTierSearch(Scoring.DEFAULT, 1, 1_000).search(SeedAnalysis.create(), FOUR_PASSING, AUDIT_91);
        assertThat(path.outcome()).isEqualTo(NextTierPath.Outcome.BEYOND_SEARCH_BOUND);
        assertThat(path.largestSetSearched()).isEqualTo(1);
        assertThat(path.note()).contains("no set of up to 1 actions reaches GOLD (85)").contains("bounded at 1 actions");
    }

    @Test
    void aGoalAboveTheNextTierIsSearchedDirectly() throws Exception {
        // BRONZE 58 without an audit; the gate asks for SILVER... and GOLD is out of reach (max 75)
        NextTierSearch search = new NextTierSearch(Scoring.DEFAULT);
        NextTierPath gold = search.search(SeedAnalysis.create(), FOUR_PASSING, PhaseScore.notMeasured(Phase.AUDIT, "x"), Tier.GOLD);
        assertThat(gold.target()).isEqualTo(Tier.GOLD);
        assertThat(gold.outcome()).isEqualTo(NextTierPath.Outcome.OUT_OF_REACH);
        NextTierPath lower = search.search(SeedAnalysis.create(), FOUR_PASSING, AUDIT_91, Tier.BRONZE);
        assertThat(lower.target()).isEqualTo(Tier.GOLD);
    }
}
