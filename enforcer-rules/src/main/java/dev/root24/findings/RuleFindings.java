package dev.root24.findings;

import java.util.ArrayList;
import java.util.List;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.rego.RegoFinding;
import dev.root24.rego.RegoReport;
import dev.root24.structure.StructureReport;
import dev.root24.structure.Violation;

/** Each check's own outcome type turned into {@link Finding}s, so the reports need not know them. */
public final class RuleFindings {

    private RuleFindings() {}

    /** Every lock violation is an error; the lock has no line to point at. */
    public static List<Finding> of(StructureReport report) {
        List<Finding> findings = new ArrayList<>();
        for (Violation v : report.violations()) {
            findings.add(new Finding("root24Lock/" + v.kind(), Finding.Level.ERROR, v.path(), 0, v.problem(), v.fix()));
        }
        return findings;
    }

    /**
     * A missing tool file or a reference not run; errors when the score is below the threshold,
     * warnings otherwise, since they then cost points but not the build.
     */
    public static List<Finding> of(StaticAnalysis analysis, boolean failing) {
        Finding.Level level = failing ? Finding.Level.ERROR : Finding.Level.WARNING;
        List<Finding> findings = new ArrayList<>();
        for (ToolResult tool : analysis.tools()) {
            String id = tool.tool().id();
            if (!tool.toolPresent()) {
                String problem = tool.file() == null || tool.file().problem() == null ? "missing" : tool.file().problem();
                findings.add(new Finding("ciReferences/TOOL_FILE", level, tool.tool().path(), 0,
                        "Tool " + id + " does not count: " + problem + ".",
                        "Commit the tool file " + tool.tool().path() + "."));
            }
            for (ReferenceResult reference : tool.references()) {
                if (reference.found()) {
                    continue;
                }
                String why = reference.detail().isEmpty() ? "" : " (" + reference.detail() + ")";
                findings.add(new Finding("ciReferences/" + reference.status(), level, reference.file(), reference.line(),
                        "Does not run tool " + id + ": " + reference.status().name().toLowerCase().replace('_', ' ') + why + ".",
                        "Add a step to " + reference.file() + " that runs " + tool.tool().path() + "."));
            }
        }
        return findings;
    }

    /** Rego findings keep their own severity and line. */
    public static List<Finding> of(RegoReport report) {
        List<Finding> findings = new ArrayList<>();
        for (RegoFinding f : report.findings()) {
            findings.add(new Finding("regoPackages/" + f.kind(), f.error() ? Finding.Level.ERROR : Finding.Level.WARNING,
                    f.file(), f.line(), f.message(), ""));
        }
        return findings;
    }

    /** A configuration error: the rule could not run at all, which is still a failing build. */
    public static List<Finding> configurationError(String rule, String message) {
        return List.of(new Finding(rule + "/CONFIGURATION", Finding.Level.ERROR, null, 0, message,
                "Correct the rule's configuration or policy file named in the message."));
    }
}
