package dev.root24.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.root24.ci.CiPresets;
import dev.root24.ci.ReferenceResult;
import dev.root24.ci.ReferenceStatus;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.ci.ToolSpec;
import dev.root24.exec.Check;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CheckStatus;
import dev.root24.exec.Finding;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditPhase;
import dev.root24.score.DynamicPhase;
import dev.root24.score.NextTierSearch;
import dev.root24.score.Scoring;
import dev.root24.score.StaticPhase;
import dev.root24.score.Tier;

/** A certification with something of every kind in it: the inputs of the report tests. */
final class Fixtures {

    private Fixtures() {}

    static StaticAnalysis analysis() throws Exception {
        List<ToolResult> tools = new ArrayList<>();
        for (ToolSpec spec : CiPresets.load("ssid")) {
            List<ReferenceResult> refs = new ArrayList<>();
            for (int i = 0; i < spec.referencedBy().size(); i++) {
                String file = spec.referencedBy().get(i);
                ReferenceStatus status = switch (spec.id()) {
                    case "structure_guard", "root_exceptions" -> ReferenceStatus.FOUND;
                    case "pytest_structure_tests" -> i == 0 ? ReferenceStatus.PARSE_ERROR : ReferenceStatus.NOT_REFERENCED;
                    case "worm_audit_logging" -> ReferenceStatus.FILE_MISSING;
                    default -> i == 0 ? ReferenceStatus.FOUND : ReferenceStatus.NOT_REFERENCED;
                };
                int line = status == ReferenceStatus.FOUND ? 12 : status == ReferenceStatus.PARSE_ERROR ? 4 : 0;
                refs.add(new ReferenceResult(file, status, line, status == ReferenceStatus.PARSE_ERROR ? "bad indent" : ""));
            }
            tools.add(ToolResult.of(spec, !spec.id().equals("worm_audit_logging"), refs));
        }
        return new StaticAnalysis(tools);
    }

    static CheckResult result(String id, String command, CheckStatus status, int exit, String stdout, String stderr,
                              String hint, List<Finding> findings) {
        Check check = command == null ? Check.builtIn(id)
                : new Check(id, command, false, Duration.ofSeconds(30), Set.of(0), 10, Map.of("API_TOKEN", "x"));
        return new CheckResult(check, command == null ? "built-in" : command, status, exit, Duration.ofMillis(1234),
                stdout, stderr, stdout.length(), stderr.length(), hint, findings,
                command == null ? Map.of() : Map.of("API_TOKEN", "****"));
    }

    static List<CheckResult> checks() {
        return List.of(
                result("structure_guard", "bash 12_tooling/scripts/structure_guard.sh", CheckStatus.PASSED, 0, "ok\n", "", null, List.of()),
                result("opa_eval", "opa version", CheckStatus.NOT_FOUND, 127, "", "", "opa not found on PATH", List.of()),
                result("hang", "bash -c 'sleep 600'", CheckStatus.TIMED_OUT, 124, "", "", "timed out after 30s; killed", List.of()),
                result("pre_commit", "pre-commit run --all-files", CheckStatus.FAILED, 3, "", "hook failed | with `ticks`\n",
                        "exit code 3 is not accepted (accepted: [0])", List.of()),
                result("root24Lock", null, CheckStatus.FAILED, 1, "ROOT-24-LOCK: 2 violation(s)", "", null, List.of(
                        new Finding("UNAUTHORISED_FILE", "notes with space.txt", 0, "file is not allowed at the root"),
                        new Finding("MISSING_MODULE", "05_documentation/", 0, "locked module is missing"))));
    }

    static Certification certification(Tier failBelow) throws Exception {
        return certification(failBelow, "/tmp/repo root");
    }

    /**
     * The certification with its files on disk under {@code root}: the POM (declaring the plugin
     * on line 3, opa_eval on 40, hang on 44), the CI files it reads and the stray root file; the
     * missing module, the missing workflows and the missing tool file stay missing.
     */
    static Certification certification(Tier failBelow, java.nio.file.Path root) throws Exception {
        StringBuilder pom = new StringBuilder("<project>\n  <build><plugins><plugin>\n    <artifactId>root24-maven-plugin</artifactId>\n");
        for (int line = 4; line <= 50; line++) {
            pom.append(line == 40 ? "      <id>opa_eval</id>\n" : line == 44 ? "      <id>hang</id>\n" : "\n");
        }
        java.nio.file.Files.createDirectories(root);
        java.nio.file.Files.writeString(root.resolve("pom.xml"), pom + "</plugin></plugins></build></project>\n");
        java.nio.file.Files.writeString(root.resolve("notes with space.txt"), "notes\n");
        for (ToolResult tool : analysis().tools()) {
            for (ReferenceResult ref : tool.references()) {
                if (ref.status() != ReferenceStatus.FILE_MISSING) {
                    java.nio.file.Path file = root.resolve(ref.file());
                    java.nio.file.Files.createDirectories(file.getParent());
                    java.nio.file.Files.writeString(file, "on: push\n");
                }
            }
        }
        return certification(failBelow, root.toString());
    }

    private static Certification certification(Tier failBelow, String root) throws Exception {
        StaticAnalysis analysis = analysis();
        List<CheckResult> checks = checks();
        AuditEvidence audit = AuditPhase.notMeasured("no WORM chain configured").evaluate(null);
        var card = Scoring.DEFAULT.score(StaticPhase.score(analysis), DynamicPhase.score(checks), audit.score());
        var path = new NextTierSearch(Scoring.DEFAULT).search(analysis, checks, audit.score());
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("preset", "ssid");
        inputs.put("parallelism", 2);
        return new Certification("0.1.0-TEST", Instant.parse("2026-11-25T12:00:00Z"), root, "0123456789abcdef0123456789abcdef01234567",
                "pom.xml", Map.of("opa_eval", 40, "hang", 44), inputs, Scoring.DEFAULT.thresholds(), analysis, checks,
                audit, card, path, failBelow);
    }
}
