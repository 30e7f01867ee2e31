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

    @Test
    void every_gain_is_exactly_what_fixing_it_adds_and_fixing_all_scores_100() {
        // Every state of two tools (present or not; 0..total of 1..3 references found).
        for (int totalA = 1; totalA <= 3; totalA++) {
            for (int foundA = 0; foundA <= totalA; foundA++) {
                for (int foundB = 0; foundB <= 2; foundB++) {
                    for (int presence = 0; presence < 4; presence++) {
                        StaticAnalysis analysis = new StaticAnalysis(List.of(
                                tool("a", 7, (presence & 1) == 0, foundA, totalA),
                                tool("b", 13, (presence & 2) == 0, foundB, 2)));
                        assertThat(analysis.score()).isBetween(0, 100);
                        assertThat(analysis.assuming(analysis.missing()).score()).isEqualTo(100);
                        List<StaticAnalysis.ExactGain> gains = analysis.exactGains();
                        assertThat(gains).hasSameSizeAs(analysis.missing());
                        for (int i = 0; i < gains.size(); i++) {
                            StaticAnalysis.ExactGain gain = gains.get(i);
                            assertThat(analysis.assuming(List.of(gain.reference())).exactTotal())
                                    .isEqualTo(analysis.exactTotal().plus(gain.points()));
                            if (i > 0) {
                                assertThat(gain.points()).isLessThanOrEqualTo(gains.get(i - 1).points());
                            }
                        }
                    }
                }
            }
        }
    }

    static ToolResult tool(String id, int max, boolean present, int found, int total) {
        List<String> files = new java.util.ArrayList<>();
        List<ReferenceResult> references = new java.util.ArrayList<>();
        for (int i = 0; i < total; i++) {
            files.add("ci/" + id + i + ".yml");
            references.add(i < found ? found(files.get(i)) : missing(files.get(i)));
        }
        return ToolResult.of(new ToolSpec(id, "tools/" + id, files, max, ""), present, references);
    }
}
