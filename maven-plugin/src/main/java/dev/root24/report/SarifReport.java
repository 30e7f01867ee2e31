package dev.root24.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.ReferenceStatus;
import dev.root24.ci.ToolResult;
import dev.root24.exec.CheckResult;
import dev.root24.exec.Finding;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code report.sarif}: SARIF 2.1.0 for code-scanning tools. One rule per kind of check (a missing
 * CI reference, a missing tool file, a failed command, each built-in check, the audit), one
 * result per violation or failed check, located at the repository-relative file and line where
 * there is one and at the POM's declaration of the check otherwise.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    private final JsonMapper mapper;

    public SarifReport(JsonMapper mapper) {
        this.mapper = mapper;
    }

    private record Rule(String id, String name, String description) {}

    private record Result(String ruleId, String level, String message, String file, int line) {}

    public String render(Certification c) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        List<Result> results = new ArrayList<>();
        collectStatic(c, rules, results);
        collectChecks(c, rules, results);
        for (Finding f : c.audit().findings()) {
            rule(rules, "audit", "AuditProof", "The WORM chain must verify and be signed with a trusted key.");
            // What the chain or the trust lacks is a note, not an error: it stands on every repository
            // until the organisation's set-up provides it, and code scanning should not raise an alert per repository.
            String level = NOTES.contains(f.kind()) ? "note" : "error";
            results.add(new Result("audit", level, f.message(), f.file() == null ? c.pomFile() : f.file(), f.line()));
        }

        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "root24");
        driver.put("version", c.toolVersion());
        ArrayNode ruleNodes = driver.putArray("rules");
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        for (Rule rule : rules.values()) {
            ObjectNode node = ruleNodes.addObject();
            node.put("id", rule.id());
            node.put("name", rule.name());
            node.putObject("shortDescription").put("text", rule.description());
            node.putObject("defaultConfiguration").put("level", "error");
        }
        ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
        base.put("uri", directoryUri(c.root()));
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        ArrayNode resultNodes = run.putArray("results");
        for (Result r : results) {
            ObjectNode node = resultNodes.addObject();
            node.put("ruleId", r.ruleId());
            node.put("ruleIndex", ruleIds.indexOf(r.ruleId()));
            node.put("level", r.level());
            node.putObject("message").put("text", r.message());
            ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", relativeUri(r.file()));
            artifact.put("uriBaseId", SRCROOT);
            if (r.line() > 0) {
                physical.putObject("region").put("startLine", r.line());
            }
        }
        ObjectNode properties = run.putObject("properties");
        properties.put("overall", c.scorecard().overall());
        properties.put("tier", c.scorecard().tier().name());
        properties.put("verdict", c.scorecard().verdict());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n";
    }

    /** Audit findings that describe missing proof rather than a broken one. */
    private static final java.util.Set<String> NOTES = java.util.Set.of("UNTRUSTED", "UNTRUSTED_KEY", "UNSIGNED", "EMPTY_CHAIN",
            "NO_EVIDENCE");

    private static void collectStatic(Certification c, Map<String, Rule> rules, List<Result> results) {
        if (c.staticAnalysis() == null) {
            return;
        }
        for (ToolResult tool : c.staticAnalysis().tools()) {
            if (!tool.toolPresent()) {
                rule(rules, "ciReferences/tool-missing", "CiToolMissing",
                        "An enforcement tool's file must exist as a regular, non-empty file (matching its pin, if pinned).");
                results.add(new Result("ciReferences/tool-missing", "error", "tool " + tool.tool().id() + ": "
                        + tool.tool().path() + ": " + tool.file().problem(), tool.tool().path(), 0));
            }
            for (ReferenceResult ref : tool.references()) {
                if (ref.found()) {
                    continue;
                }
                rule(rules, "ciReferences/not-referenced", "CiReferenceMissing",
                        "Each listed CI file must run the enforcement tool (comments and step names do not count).");
                String why = switch (ref.status()) {
                    case FILE_MISSING -> "does not exist";
                    case UNREADABLE -> "cannot be read";
                    case PARSE_ERROR -> "cannot be parsed";
                    default -> "does not run it";
                };
                String detail = ref.detail().isEmpty() ? "" : " (" + ref.detail() + ")";
                results.add(new Result("ciReferences/not-referenced",
                        ref.status() == ReferenceStatus.NOT_REFERENCED ? "warning" : "error",
                        ref.file() + " should run " + tool.tool().path() + " (tool " + tool.tool().id() + ") but "
                                + why + detail, ref.file(), ref.line()));
            }
        }
    }

    private static void collectChecks(Certification c, Map<String, Rule> rules, List<Result> results) {
        for (CheckResult r : c.checks()) {
            if (r.passed() || r.status() == dev.root24.exec.CheckStatus.NOT_MEASURED) {
                continue;
            }
            int pomLine = c.pomLines().getOrDefault(r.id(), 0);
            if (r.check().isBuiltIn()) {
                String ruleId = r.id();
                rule(rules, ruleId, ruleId.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + ruleId.substring(1),
                        "The built-in check " + ruleId + " must pass.");
                if (r.findings().isEmpty()) {
                    results.add(new Result(ruleId, "error", "check " + r.id() + " " + describe(r), c.pomFile(), pomLine));
                }
                for (Finding f : r.findings()) {
                    results.add(new Result(ruleId, "error", f.kind() + ": " + f.message(),
                            f.file() == null ? c.pomFile() : f.file(), f.file() == null ? pomLine : f.line()));
                }
            } else {
                rule(rules, "check", "CheckFailed", "A configured verification command must exit with an accepted code.");
                results.add(new Result("check", "error", "check " + r.id() + " (" + r.shownCommand() + ") " + describe(r),
                        c.pomFile(), pomLine));
            }
        }
    }

    private static String describe(CheckResult r) {
        String status = r.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return status + ", exit " + r.exitCode() + (r.hint() == null ? "" : ": " + r.hint());
    }

    private static void rule(Map<String, Rule> rules, String id, String name, String description) {
        rules.putIfAbsent(id, new Rule(id, name, description));
    }

    /** A repository-relative path as a relative URI reference, percent-encoded where needed. */
    static String relativeUri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    static String directoryUri(String root) {
        String uri = Path.of(root).toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
