package dev.root24.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.ReferenceStatus;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.ci.ToolSpec;
import dev.root24.policy.PolicyException;
import dev.root24.policy.SettingSource;
import dev.root24.rego.RegoFinding;
import dev.root24.rego.RegoReport;
import dev.root24.structure.StructureReport;
import dev.root24.structure.Violation;
import dev.root24.structure.ViolationKind;
import org.junit.jupiter.api.Test;

class RuleFindingsTest {

    private static final Declarations POM_ONLY = Declarations.pomOnly(new Place("pom.xml", 3));

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

        List<Finding> failing = RuleFindings.of(analysis, true, POM_ONLY);
        assertThat(failing).extracting(Finding::ruleId).containsExactly("ciReferences/TOOL_FILE", "ciReferences/NOT_REFERENCED");
        assertThat(failing).allMatch(f -> f.level() == Finding.Level.ERROR);
        assertThat(failing.get(1).file()).isEqualTo(".github/workflows/ci.yml");
        assertThat(failing.get(1).line()).isEqualTo(7);
        assertThat(failing.get(1).fix()).contains("12_tooling/guard.sh");
        assertThat(RuleFindings.of(analysis, false, POM_ONLY)).allMatch(f -> f.level() == Finding.Level.WARNING);
    }

    @Test
    void aMissingModuleOrWorkflowPointsAtThePolicyLineThatAsksForIt() {
        Map<String, SettingSource> provenance = Map.of(
                "structure.expectedModules", new SettingSource.PolicyFile("root24-policy.yaml", 5, null, false),
                "ci.tools", new SettingSource.PolicyFile("classpath:root24/org-policy.yaml", 9, "org:policy:1", true));
        Declarations declarations = new Declarations(provenance, new Place("pom.xml", 3));
        StructureReport report = new StructureReport(Path.of("/repo"), 23, 24, List.of(
                new Violation(ViolationKind.MISSING_MODULE, "03_core/", "locked module is missing", "create it")));

        assertThat(RuleFindings.of(report, declarations)).singleElement()
                .satisfies(f -> assertThat(f.declaredAt()).isEqualTo(new Place("root24-policy.yaml", 5)));

        ToolSpec tool = new ToolSpec("guard", "12_tooling/guard.sh", List.of(".github/workflows/gone.yml"), 10, "guard");
        StaticAnalysis analysis = new StaticAnalysis(List.of(ToolResult.of(tool, true, List.of(
                new ReferenceResult(".github/workflows/gone.yml", ReferenceStatus.FILE_MISSING, 0, "")))));
        // the organisation's policy is no file of the repository: the POM stands in for it
        assertThat(RuleFindings.of(analysis, true, declarations)).singleElement()
                .satisfies(f -> assertThat(f.declaredAt()).isEqualTo(new Place("pom.xml", 3)));
    }

    @Test
    void aConfigurationErrorKeepsTheFileAndLineOfARepositoryFileOnly() {
        Finding local = RuleFindings.configurationError("root24Lock",
                PolicyException.at("23_compliance/root_level_exceptions.yaml", 4, "unknown key 'x'")).get(0);
        assertThat(local.file()).isEqualTo("23_compliance/root_level_exceptions.yaml");
        assertThat(local.line()).isEqualTo(4);
        Finding packaged = RuleFindings.configurationError("root24Lock",
                PolicyException.at("classpath:root24/p.yaml", 4, "unknown key 'x'")).get(0);
        assertThat(packaged.file()).isNull();
        assertThat(packaged.message()).isEqualTo("classpath:root24/p.yaml:4: unknown key 'x'");
    }
}
