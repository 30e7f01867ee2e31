package dev.root24.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.root24.findings.Finding;
import dev.root24.findings.RuleReport;
import dev.root24.score.Tier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static Schema sarifSchema;

    @BeforeAll
    static void loadSchema() throws Exception {
        // The official OASIS SARIF 2.1.0 schema (draft-07), committed as a test resource.
        try (InputStream in = ReportsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            sarifSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    private static List<Error> validate(String sarif) {
        return sarifSchema.validate(sarif, InputFormat.JSON);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchema() throws Exception {
        String sarif = new SarifReport(MAPPER).render(Fixtures.certification(Tier.GOLD));
        assertThat(validate(sarif)).isEmpty();
    }

    @Test
    void theRulesSarifValidatesAgainstTheOfficialSchema() {
        // The enforcer rules' own SARIF (written before they fail the build), with and without lines and files.
        var report = new RuleReport("regoPackages", false, "1 error(s).", List.of(
                new Finding("regoPackages/PACKAGE", Finding.Level.ERROR, "a.rego", 3,
                        "package x found, expected ssid.core", ""),
                new Finding("regoPackages/CONFIGURATION", Finding.Level.ERROR, null, 0,
                        "bad policy", "fix it")));
        assertThat(validate(report.sarif().toString())).isEmpty();
    }

    @Test
    void theSchemaCatchesAnInvalidLog() {
        // proves the validator really validates: a wrong level and a missing message
        String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"a\",\"level\":\"fatal\"}]}]}";
        assertThat(validate(broken)).isNotEmpty();
    }

    @Test
    void sarifHasOneRulePerKindAndOneResultPerProblem() throws Exception {
        JsonNode run = MAPPER.readTree(new SarifReport(MAPPER).render(Fixtures.certification(Tier.GOLD))).get("runs").get(0);
        List<String> rules = run.get("tool").get("driver").get("rules").valueStream().map(r -> r.get("id").asString()).toList();
        assertThat(rules).containsExactly("ciReferences/not-referenced", "ciReferences/tool-missing", "check", "root24Lock");
        List<JsonNode> results = run.get("results").valueStream().toList();
        // 10 missing references (2 opa, 2 lock gate, 1 pre-commit, 3 pytest, 2 worm) + worm tool file + 3 failed commands + 2 lock findings
        assertThat(results).hasSize(10 + 1 + 3 + 2);
        JsonNode opa = results.stream().filter(r -> r.get("message").get("text").asString().startsWith("check opa_eval")).findFirst().orElseThrow();
        JsonNode location = opa.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("pom.xml");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(40);
        assertThat(opa.get("message").get("text").asString()).contains("opa not found on PATH");
        JsonNode parseError = results.stream().filter(r -> r.get("message").get("text").asString().contains("cannot be parsed"))
                .findFirst().orElseThrow();
        assertThat(parseError.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(4);
        assertThat(results).anySatisfy(r -> assertThat(r.get("locations").get(0).get("physicalLocation")
                .get("artifactLocation").get("uri").asString()).isEqualTo("notes%20with%20space.txt"));
        assertThat(run.get("originalUriBaseIds").get("%SRCROOT%").get("uri").asString()).isEqualTo("file:///tmp/repo%20root/");
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
                .contains("Gate: fail below NONE → passed");
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
