package dev.root24.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.ReferenceStatus;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.ci.ToolSpec;
import dev.root24.rego.RegoFinding;
import dev.root24.rego.RegoReport;
import org.junit.jupiter.api.Test;

class RuleFindingsTest {

    @Test
    void regoFindingsKeepTheirLineAndSeverity() {
        RegoReport report = new RegoReport(Path.of("/repo"), 1, List.of(
                new RegoFinding("a.rego", 4, RegoFinding.Kind.PACKAGE, true, "package x found"),
                new RegoFinding("a.rego", 9, RegoFinding.Kind.V1_SYNTAX, false, "rule body without 'if'")));

        assertThat(RuleFindings.of(report)).extracting(Finding::ruleId, Finding::level, Finding::line).containsExactly(
                tuple("regoPackages/PACKAGE", Finding.Level.ERROR, 4),
                tuple("regoPackages/V1_SYNTAX", Finding.Level.WARNING, 9));
    }

    @Test
    void ciFindingsPointAtTheWorkflowLineAndAreErrorsOnlyWhenTheScoreFails() {
        ToolSpec tool = new ToolSpec("guard", "12_tooling/guard.sh", List.of(".github/workflows/ci.yml"), 10, "guard");
        StaticAnalysis analysis = new StaticAnalysis(List.of(ToolResult.of(tool, false, List.of(
                new ReferenceResult(".github/workflows/ci.yml", ReferenceStatus.NOT_REFERENCED, 7, "mentioned only in a comment")))));

        List<Finding> failing = RuleFindings.of(analysis, true);
        assertThat(failing).extracting(Finding::ruleId).containsExactly("ciReferences/TOOL_FILE", "ciReferences/NOT_REFERENCED");
        assertThat(failing).allMatch(f -> f.level() == Finding.Level.ERROR);
        assertThat(failing.get(1).file()).isEqualTo(".github/workflows/ci.yml");
        assertThat(failing.get(1).line()).isEqualTo(7);
        assertThat(failing.get(1).fix()).contains("12_tooling/guard.sh");
        assertThat(RuleFindings.of(analysis, false)).allMatch(f -> f.level() == Finding.Level.WARNING);
    }
}
