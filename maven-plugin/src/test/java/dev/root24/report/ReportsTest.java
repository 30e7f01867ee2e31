package dev.root24.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.root24.findings.Finding;
import dev.root24.findings.Place;
import dev.root24.findings.RuleReport;
import dev.root24.score.AuditEvidence;
import dev.root24.testing.SarifChecks;
import dev.root24.score.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static List<String> validate(String sarif) {
        // The official OASIS SARIF 2.1.0 schema (errata01), committed in the rules' test jar.
        return SarifChecks.schemaErrors(sarif);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchemaAndSuitsCodeScanning(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo root");
        String sarif = new SarifReport(MAPPER).render(Fixtures.certification(Tier.GOLD, root));
        assertThat(validate(sarif)).isEmpty();
        assertThat(SarifChecks.codeScanningProblems(MAPPER.readTree(sarif), root)).isEmpty();
    }

    @Test
    void theRulesSarifValidatesAgainstTheOfficialSchema(@TempDir Path dir) throws Exception {
        // The enforcer rules' own SARIF (written before they fail the build), with and without lines and files.
        Files.writeString(dir.resolve("a.rego"), "package x\n");
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        var report = new RuleReport("regoPackages", false, "1 error(s).", List.of(
                new Finding("regoPackages/PACKAGE", Finding.Level.ERROR, "a.rego", 3,
                        "package x found, expected ssid.core", ""),
                new Finding("regoPackages/CONFIGURATION", Finding.Level.ERROR, null, 0,
                        "bad policy", "fix it")), dir, new Place("pom.xml", 1));
        assertThat(validate(report.sarif().toString())).isEmpty();
        assertThat(SarifChecks.codeScanningProblems(report.sarif(), dir)).isEmpty();
    }

    @Test
    void sarifSharesTheRulesIdsAndPointsEveryResultAtARealFileAndLine(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo root");
        JsonNode run = MAPPER.readTree(new SarifReport(MAPPER).render(Fixtures.certification(Tier.GOLD, root))).get("runs").get(0);
        List<String> rules = run.get("tool").get("driver").get("rules").valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(rules).containsExactlyInAnyOrder("ciReferences/PARSE_ERROR", "ciReferences/NOT_REFERENCED", "ciReferences/TOOL_FILE",
                "ciReferences/FILE_MISSING", "certify/CHECK_FAILED", "root24Lock/UNAUTHORISED_FILE", "root24Lock/MISSING_MODULE");
        assertThat(run.get("automationDetails").get("id").asString()).isEqualTo("root24-certify/");
        List<JsonNode> results = run.get("results").valueStream().toList();
        // 10 missing references (2 opa, 2 lock gate, 1 pre-commit, 3 pytest, 2 worm) + worm tool file + 3 failed commands + 2 lock findings
        assertThat(results).hasSize(10 + 1 + 3 + 2);
        JsonNode opa = results.stream().filter(r -> r.get("message").get("text").asString().startsWith("check opa_eval")).findFirst().orElseThrow();
        JsonNode location = opa.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("pom.xml");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(40);
        assertThat(opa.get("message").get("text").asString()).contains("opa not found on PATH");
        JsonNode parseError = results.stream().filter(r -> r.get("ruleId").asString().equals("ciReferences/PARSE_ERROR"))
                .findFirst().orElseThrow();
        assertThat(parseError.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(4);
        assertThat(results).anySatisfy(r -> assertThat(r.get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asString()).isEqualTo("notes%20with%20space.txt"));
        // the missing module and the missing workflow are shown at the plugin's declaration, naming what is missing
        JsonNode module = results.stream().filter(r -> r.get("ruleId").asString().equals("root24Lock/MISSING_MODULE"))
                .findFirst().orElseThrow();
        assertThat(module.get("message").get("text").asString()).startsWith("05_documentation/: ");
        assertThat(module.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(3);
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString()).endsWith("/repo%20root/");
    }

    @Test
    void whatTheOrganisationMustSetUpIsNoAlertAndWhatTheRepositoryLacksIsANote(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("repo");
        Certification c = Fixtures.certification(Tier.GOLD, root);
        AuditEvidence audit = new AuditEvidence(c.audit().score(), List.of(
                new dev.root24.exec.Finding("UNTRUSTED", null, 0, "the organisation's policy names no trusted keys"),
                new dev.root24.exec.Finding("NO_EVIDENCE", null, 0, "no evidence is configured"),
                new dev.root24.exec.Finding("UNSIGNED", null, 0, "this run does not sign with the organisation's key"),
                new dev.root24.exec.Finding("MISSING_EVIDENCE", "23_compliance/evidence.json", 0, "missing")));
        Certification withAudit = new Certification(c.toolVersion(), c.timestamp(), c.root(), c.commit(), c.pomFile(), c.pomLines(),
                c.inputs(), c.thresholds(), c.staticAnalysis(), c.checks(), audit, c.scorecard(), c.nextTier(), c.failBelow());
        JsonNode run = MAPPER.readTree(new SarifReport(MAPPER).render(withAudit)).get("runs").get(0);
        List<JsonNode> auditResults = run.get("results").valueStream()
                .filter(r -> r.get("ruleId").asString().startsWith("auditProof/")).toList();
        assertThat(auditResults).extracting(r -> r.get("ruleId").asString() + " " + r.get("level").asString())
                .containsExactly("auditProof/UNSIGNED note", "auditProof/MISSING_EVIDENCE error");
        assertThat(SarifChecks.codeScanningProblems(MAPPER.readTree(new SarifReport(MAPPER).render(withAudit)), root)).isEmpty();
    }

    @Test
    void jsonHasEveryInputAndResultInAStableOrder() throws Exception {
        Certification c = Fixtures.certification(Tier.GOLD);
        String json = new JsonReport(MAPPER).render(c);
        assertThat(new JsonReport(MAPPER).render(c)).isEqualTo(json);
        JsonNode root = MAPPER.readTree(json);
        assertThat(root.propertyNames()).containsExactly("format", "tool", "timestamp", "repository", "inputs", "weights",
                "tierThresholds", "phases", "overall", "gate", "nextTier");
        assertThat(root.get("repository").get("commit").asString()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        JsonNode tools = root.get("phases").get("static").get("tools");
        assertThat(tools).hasSize(7);
        assertThat(tools.get(0).get("references").get(0).get("status").asString()).isEqualTo("FOUND");
        JsonNode checks = root.get("phases").get("dynamic").get("checks");
        assertThat(checks).hasSize(5);
        JsonNode hang = checks.get(2);
        assertThat(hang.get("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(hang.get("exitCode").asInt()).isEqualTo(124);
        assertThat(hang.get("durationMillis").asLong()).isEqualTo(1234);
        assertThat(hang.get("environment").get("API_TOKEN").asString()).isEqualTo("****");
        assertThat(checks.get(0).get("stdout").get("tail").asString()).isEqualTo("ok\n");
        assertThat(root.get("phases").get("audit").get("measured").asBoolean()).isFalse();
        assertThat(root.get("overall").get("tier").asString()).isEqualTo(c.scorecard().tier().name());
        assertThat(root.get("gate").get("passed").asBoolean()).isFalse();
        assertThat(root.get("nextTier").get("outcome").asString()).isEqualTo(c.nextTier().outcome().name());
    }

    @Test
    void markdownHasThePhaseTableFailedChecksAndPath() throws Exception {
        String md = new MarkdownReport().render(Fixtures.certification(Tier.NONE));
        assertThat(md).contains("| Static analysis (CI references) | 35 % |")
                .contains("| Audit proof (WORM chain) | 25 % | not measured |")
                .contains("### opa_eval").contains("opa not found on PATH")
                .contains("### hang").contains("timed out")
                .contains("- `05_documentation/` locked module is missing")
                .contains("hook failed \\| with `ticks`".replace("\\|", "|"))
                .contains("## Path to ")
                .contains("Not gated");
    }

    @Test
    void markdownSaysTheGateAndThePathAsAPersonWould() throws Exception {
        String none = new MarkdownReport().render(Fixtures.certification(Tier.NONE));
        Certification gold = Fixtures.certification(Tier.GOLD);
        String md = new MarkdownReport().render(gold);
        assertThat(md).contains(gold.passesGate() ? "Gate GOLD: passed." : "Gate GOLD: **failed** (" + gold.scorecard().tier() + " is below it).");
        for (String text : List.of(none, md)) {
            assertThat(text).doesNotContain("exhaustively").doesNotContain("sets of up to").doesNotContain("fail below")
                    .doesNotContain("`ROOT24 ").doesNotContain("- `` ");
        }
        assertThat(none).contains("Static analysis ").contains("Not gated: the build passes at any tier.");
    }

    @Test
    void consoleEndsWithTheVerdict() throws Exception {
        Certification c = Fixtures.certification(Tier.NONE);
        List<String> lines = new ConsoleReport().lines(c);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(c.scorecard().verdict()).startsWith("ROOT24 ");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("opa_eval").contains("not found").contains("exit 127"));
    }

    @Test
    void filesAreWrittenAndTheStepSummaryAppended(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        List<Path> files = new ReportFiles().write(Fixtures.certification(Tier.NONE), dir.resolve("target/root24"), summary);
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.json", "report.md", "report.sarif");
        assertThat(files).allSatisfy(p -> assertThat(p).isRegularFile());
        assertThat(Files.readString(summary)).startsWith("earlier step\n# ROOT24 certification: ");
        assertThat(validate(Files.readString(files.get(2)))).isEmpty();
        try (var listing = Files.list(dir.resolve("target/root24"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).doesNotContain("report.json.tmp");
        }
    }

    @Test
    void everyReportFileIsMaskedWithTheEnvironmentsSecrets(@TempDir Path dir) throws Exception {
        // Fixtures' check outputs hold this text; call it a secret and no file may show it.
        Certification c = Fixtures.certification(Tier.NONE);
        String visible = Files.readString(new ReportFiles().write(c, dir.resolve("plain"), null).get(0));
        String secret = c.checks().stream().map(r -> r.stdout() + r.stderr()).filter(t -> t.strip().length() >= 8)
                .map(t -> t.strip().split("\\R")[0]).findFirst().orElseThrow();
        assertThat(visible).contains(secret);
        var mask = dev.root24.exec.SecretMask.of(java.util.Map.of("GITHUB_TOKEN", secret));
        for (Path p : new ReportFiles(mask).write(c, dir.resolve("masked"), dir.resolve("summary.md"))) {
            assertThat(Files.readString(p)).doesNotContain(secret);
        }
        assertThat(Files.readString(dir.resolve("summary.md"))).doesNotContain(secret);
    }

    @Test
    void gitCommitIsReadOrAbsentButNeverFails(@TempDir Path dir) {
        assertThat(GitCommit.of(dir)).satisfiesAnyOf(
                id -> assertThat(id).isEmpty(),
                id -> assertThat(id.get()).matches("[0-9a-f]{40}"));
        assertThat(GitCommit.of(Path.of("").toAbsolutePath())).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{40}"));
    }
}
