package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed report's phase 1, reproduced from a repository wired as it describes. */
class SeedExampleTest {

    @TempDir
    Path root;

    StaticAnalysis analysis;

    @BeforeEach
    void analyse() throws Exception {
        SeedRepository.create(root);
        analysis = new CiReferenceAnalyzer(RepositoryRoot.of(root)).analyze(CiPresets.load("ssid"));
    }

    @Test
    void reference_counts_are_the_seeds() {
        assertThat(analysis.tools()).extracting(t -> t.tool().id() + " " + t.found() + "/" + t.total())
                .containsExactly("structure_guard 2/2", "structure_policy_opa 0/3", "root_exceptions 2/2",
                        "structure_lock_gate 0/3", "pre_commit_hooks 1/2", "pytest_structure_tests 1/3",
                        "worm_audit_logging 0/2");
        assertThat(analysis.tools()).allMatch(ToolResult::toolPresent);
    }

    @Test
    void phase_score_is_52() {
        assertThat(analysis.score()).isEqualTo(52);
        assertThat(analysis.totalMax()).isEqualTo(100);
        // 20 + 3 + 10 + 4 + 9 + 4.6667 + 2
        assertThat(analysis.exactTotal()).isEqualTo(Points.of(158, 3));
        assertThat(analysis.totalPoints()).isEqualByComparingTo("52.6667");
    }

    @Test
    void tool_points_follow_the_formula() {
        assertThat(analysis.tools()).extracting(ToolResult::points).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("20"), new BigDecimal("3"), new BigDecimal("10"), new BigDecimal("4"),
                        new BigDecimal("9"), new BigDecimal("4.6667"), new BigDecimal("2"));
    }

    @Test
    void tool_lines_read_like_the_issue() {
        assertThat(analysis.describe()).contains("  structure_lock_gate  0/3 refs  4.0/20",
                "  structure_guard  2/2 refs  20.0/20", "  pytest_structure_tests  1/3 refs  4.7/10");
    }

    @Test
    void gains_are_exact_and_best_first() {
        List<Gain> gains = analysis.gains();
        assertThat(gains).extracting(g -> g.reference().toolId() + " " + g.reference().file() + " " + g.points().toPlainString())
                .containsExactly(
                        "pre_commit_hooks .github/workflows/ci_enforcement_gate.yml 6.0000",
                        "structure_lock_gate .github/workflows/ci_structure_guard.yml 5.3333",
                        "structure_lock_gate .github/workflows/ci_enforcement_gate.yml 5.3333",
                        "structure_lock_gate 12_tooling/hooks/pre_commit/config.yaml 5.3333",
                        "structure_policy_opa .github/workflows/ci_opa_structure.yml 4.0000",
                        "structure_policy_opa .github/workflows/ci_enforcement_gate.yml 4.0000",
                        "structure_policy_opa 23_compliance/tests/integration/test_opa_structure.py 4.0000",
                        "worm_audit_logging 02_audit_logging/evidence_trails/integrated_audit_trail.py 4.0000",
                        "worm_audit_logging 11_test_simulation/tests/unit/test_registry_logic.py 4.0000",
                        "pytest_structure_tests pytest.ini 2.6667",
                        "pytest_structure_tests .github/workflows/ci_pytest_compliance.yml 2.6667");
        assertThat(analysis.describe()).contains(
                "  +5.3 if .github/workflows/ci_structure_guard.yml runs it  [structure_lock_gate: "
                        + "24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py]");
    }

    @Test
    void fixing_everything_scores_100() {
        assertThat(analysis.assuming(analysis.missing()).score()).isEqualTo(100);
    }

    @Test
    void fixing_the_lock_gate_alone_reaches_68() {
        List<MissingReference> lockGate = analysis.missing().stream()
                .filter(m -> m.toolId().equals("structure_lock_gate")).toList();
        // 52.6667 + 16 = 68.6667
        assertThat(analysis.assuming(lockGate).score()).isEqualTo(68);
    }

    @Test
    void reasons_say_why_a_mention_does_not_count() {
        ToolResult opa = analysis.tool("structure_policy_opa");
        assertThat(opa.references().get(0).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        assertThat(opa.references().get(0).detail()).contains("if: false");
        assertThat(opa.references().get(2).status()).isEqualTo(ReferenceStatus.FILE_MISSING);
        ToolResult gate = analysis.tool("structure_lock_gate");
        assertThat(gate.references().get(0).detail()).contains("in a name");
        assertThat(gate.references().get(1).detail()).contains("comment");
        ToolResult guard = analysis.tool("structure_guard");
        assertThat(guard.references().get(0)).isEqualTo(new ReferenceResult(".github/workflows/ci_structure_guard.yml",
                ReferenceStatus.FOUND, 10, "jobs.guard.steps[1].run: triggered by push to main/master; failure fails job guard"));
        assertThat(guard.references().get(1).line()).isEqualTo(10);
    }
}
