package dev.root24.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.root24.testing.SarifChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RuleReportTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final List<Finding> FINDINGS = List.of(
            new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, "03_core/", 0, "Locked module is missing.",
                    "Create 03_core/."),
            new Finding("regoPackages/PACKAGE", Finding.Level.WARNING, "01_ai_layer/a.rego", 7, "Package is wrong.", ""),
            new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, "04_x/", 0, "Locked module is missing.", "Create it."));

    /** A repository with the POM and the one Rego file the findings name; the modules are missing. */
    private static final Path REPO = repository();

    private static Path repository() {
        try {
            Path root = Files.createTempDirectory("rule-report");
            Files.writeString(root.resolve("pom.xml"), "<project/>\n");
            Files.createDirectories(root.resolve("01_ai_layer"));
            Files.writeString(root.resolve("01_ai_layer/a.rego"), "package x\n");
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RuleReport failing() {
        return new RuleReport("root24Lock", false, "2 violation(s).", FINDINGS, REPO, new Place("pom.xml", 12));
    }

    private static RuleReport report(String rule, boolean passed, String verdict, List<Finding> findings) {
        return new RuleReport(rule, passed, verdict, findings, REPO, new Place("pom.xml", 12));
    }

    @Test
    void writesValidSarifWithOneResultPerFindingAndRulesByIndex(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("target");
        assertThat(failing().write(target, null)).isEmpty();

        JsonNode log = MAPPER.readTree(Files.readString(target.resolve("root24/root24Lock.sarif")));
        assertThat(log.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asString()).isEqualTo("Root24 Lock");
        assertThat(run.get("automationDetails").get("id").asString()).isEqualTo("root24-enforcer/root24Lock/");
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertThat(rules).hasSize(2);
        JsonNode results = run.get("results");
        assertThat(results).hasSize(3);
        for (JsonNode result : results) {
            int index = result.get("ruleIndex").asInt();
            assertThat(rules.get(index).get("id").asString()).isEqualTo(result.get("ruleId").asString());
            assertThat(result.get("partialFingerprints").get(SarifLog.FINGERPRINT_KEY).asString()).matches("[0-9a-f]{64}:1");
        }
        JsonNode rego = results.get(1);
        assertThat(rego.get("level").asString()).isEqualTo("warning");
        JsonNode physical = rego.get("locations").get(0).get("physicalLocation");
        assertThat(physical.get("artifactLocation").get("uri").asString()).isEqualTo("01_ai_layer/a.rego");
        assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(7);
        // A missing module is no file: it is shown at the rule's POM line, and the message says which module.
        JsonNode missing = results.get(0).get("locations").get(0).get("physicalLocation");
        assertThat(missing.get("artifactLocation").get("uri").asString()).isEqualTo("pom.xml");
        assertThat(missing.get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(results.get(0).get("message").get("text").asString()).startsWith("03_core/: Locked module is missing.")
                .contains("(fix: Create 03_core/.)");
        assertThat(SarifChecks.codeScanningProblems(log, REPO)).isEmpty();
        assertThat(SarifChecks.schemaErrors(log.toString())).isEmpty();
        assertThat(Files.list(target.resolve("root24"))).as("no temp file left behind").hasSize(1);
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndLineShiftsButDifferPerFile(@TempDir Path dir) throws Exception {
        failing().write(dir.resolve("a"), null);
        failing().write(dir.resolve("b"), null);
        assertThat(Files.readString(dir.resolve("a/root24/root24Lock.sarif")))
                .isEqualTo(Files.readString(dir.resolve("b/root24/root24Lock.sarif")));

        Finding here = new Finding("r/X", Finding.Level.ERROR, "f.rego", 3, "Package  is wrong.", "");
        Finding moved = new Finding("r/X", Finding.Level.ERROR, "f.rego", 9, "package is\twrong. ", "");
        Finding elsewhere = new Finding("r/X", Finding.Level.ERROR, "g.rego", 3, "Package is wrong.", "");
        assertThat(SarifLog.hash(here)).isEqualTo(SarifLog.hash(moved));
        assertThat(SarifLog.hash(here)).isNotEqualTo(SarifLog.hash(elsewhere));
    }

    @Test
    void replacesAnEarlierReport(@TempDir Path dir) throws Exception {
        report("root24Lock", true, "OK.", List.of()).write(dir, null);
        failing().write(dir, null);
        assertThat(MAPPER.readTree(Files.readString(dir.resolve("root24/root24Lock.sarif"))).get("runs").get(0)
                .get("results")).hasSize(3);
    }

    @Test
    void refusesToWriteThroughALinkedReportFile(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path target = dir.resolve("target");
        Files.createDirectories(target.resolve("root24"));
        Files.createSymbolicLink(target.resolve("root24/root24Lock.sarif"), outside);

        List<String> problems = failing().write(target, null);

        assertThat(problems).singleElement().asString().contains("could not write").contains("symbolic link");
        assertThat(Files.readString(outside)).isEqualTo("keep");
        assertThat(Files.isSymbolicLink(target.resolve("root24/root24Lock.sarif"))).isTrue();
    }

    @Test
    void refusesALinkedReportDirectory(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("elsewhere"));
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.createSymbolicLink(target.resolve("root24"), outside);

        assertThat(failing().write(target, null)).singleElement().asString().contains("symbolic link");
        assertThat(Files.list(outside)).isEmpty();
    }

    @Test
    void appendsAStepSummarySectionWithEachFindingAndItsFix(@TempDir Path dir) throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.md"), "# earlier step\n");

        assertThat(failing().write(dir.resolve("target"), summary.toString())).isEmpty();
        report("regoPackages", true, "1 file.", List.of()).write(dir.resolve("target"), summary.toString());

        String text = Files.readString(summary);
        assertThat(text).startsWith("# earlier step\n");
        assertThat(text).contains("### root24Lock: FAILED").contains("`03_core/`: Locked module is missing. (fix: Create 03\\_core/.)")
                .contains("`01_ai_layer/a.rego:7`").contains("### regoPackages: passed");
    }

    @Test
    void aMessageCannotInjectMarkdownOrHtml(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.md");
        report("r", false, "v", List.of(new Finding("r/X", Finding.Level.ERROR, "a`b", 0,
                "<img src=x> [link](http://evil)\n### fake", ""))).write(dir.resolve("target"), summary.toString());
        String text = Files.readString(summary, StandardCharsets.UTF_8);
        assertThat(text).contains("\\<img").doesNotContain("[link]").doesNotContain("\n### fake").contains("`a'b`");
        assertThat(text.replace("\\<", "")).doesNotContain("<");
    }

    @Test
    void doesNotAppendThroughALinkedSummaryButStillWritesTheSarif(@TempDir Path dir) throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path summary = Files.createSymbolicLink(dir.resolve("summary.md"), outside);

        List<String> problems = failing().write(dir.resolve("target"), summary.toString());

        assertThat(problems).singleElement().asString().contains("step summary").contains("symbolic link");
        assertThat(Files.readString(outside)).isEqualTo("keep");
        assertThat(dir.resolve("target/root24/root24Lock.sarif")).isRegularFile();
    }

    @Test
    void anUnwritableBuildDirectoryIsAProblemLineNotAnException(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("target"), "a file where the directory should be");
        assertThat(failing().write(file, null)).singleElement().asString().startsWith("root24Lock: could not write");
    }
}
