package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StaticAnalysisTest {

    static final ToolSpec A = new ToolSpec("a", "tools/a.sh", List.of("ci/one.yml", "ci/two.yml"), 10, "");
    static final ToolSpec B = new ToolSpec("b", "tools/b.sh", List.of("ci/one.yml"), 30, "");

    static ReferenceResult found(String file) {
        return new ReferenceResult(file, ReferenceStatus.FOUND, 3, "line 3");
    }

    static ReferenceResult missing(String file) {
        return new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, 0, "");
    }

    @Test
    void a_missing_tool_file_scores_nothing_and_its_references_gain_nothing_until_it_exists() {
        StaticAnalysis analysis = new StaticAnalysis(List.of(
                ToolResult.of(A, false, List.of(found("ci/one.yml"), missing("ci/two.yml"))),
                ToolResult.of(B, true, List.of(missing("ci/one.yml")))));
        // a: 0; b: 30 × 0.2 = 6 of 40
        assertThat(analysis.score()).isEqualTo(15);
        assertThat(analysis.missing()).containsExactly(new MissingReference("a", null), new MissingReference("a", "ci/two.yml"),
                new MissingReference("b", "ci/one.yml"));
        assertThat(analysis.gains()).extracting(g -> g.reference().toString() + " " + g.points().toPlainString()).containsExactly(
                "MissingReference[toolId=b, file=ci/one.yml] 24.0000",
                // creating a.sh: one of its two references already runs it: 10 × (0.2 + 0.4)
                "MissingReference[toolId=a, file=null] 6.0000",
                "MissingReference[toolId=a, file=ci/two.yml] 0.0000");
        assertThat(analysis.describe()).contains(
                "  a  1/2 refs  0.0/10  (tool file missing: tools/a.sh)",
                "      ci/two.yml: not referenced",
                "  +6.0 if tools/a.sh exists  [a]",
                "  +0.0 if ci/two.yml runs it  [a: tools/a.sh] (counts once the tool file exists)");
    }

    @Test
    void assuming_a_created_tool_keeps_it_unreferenced_unless_listed() {
        StaticAnalysis analysis = new StaticAnalysis(List.of(ToolResult.of(A, false, List.of(missing("ci/one.yml"), missing("ci/two.yml")))));
        assertThat(analysis.assuming(List.of(new MissingReference("a", null))).exactTotal()).isEqualTo(Points.of(2, 1));
        assertThat(analysis.assuming(analysis.missing()).score()).isEqualTo(100);
        assertThat(analysis.assuming(List.of(new MissingReference("zzz", "x"))).score()).isZero();
    }

    @Test
    void nothing_missing_means_no_gains() {
        StaticAnalysis analysis = new StaticAnalysis(List.of(ToolResult.of(B, true, List.of(found("ci/one.yml")))));
        assertThat(analysis.score()).isEqualTo(100);
        assertThat(analysis.gains()).isEmpty();
        assertThat(analysis.describe()).containsExactly("CI references: phase score 100/100 (30.0 of 30 tool points)",
                "  b  1/1 refs  30.0/30");
    }
}
