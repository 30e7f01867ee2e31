package dev.root24.findings;

import java.util.ArrayList;
import java.util.List;

import dev.root24.ci.ReferenceResult;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.policy.PolicyException;
import dev.root24.rego.RegoFinding;
import dev.root24.rego.RegoReport;
import dev.root24.structure.StructureReport;
import dev.root24.structure.Violation;
import dev.root24.structure.ViolationKind;

/** Each check's own outcome type turned into {@link Finding}s, so the reports need not know them. */
public final class RuleFindings {

    private RuleFindings() {}

    /**
     * Every lock violation is an error. A path that is no file of its own (a missing module, a
     * directory) is shown at the policy line that declares what the lock expects.
     */
    public static List<Finding> of(StructureReport report, Declarations declarations) {
        List<Finding> findings = new ArrayList<>();
        for (Violation v : report.violations()) {
            findings.add(lock(v.kind(), v.path(), v.problem(), v.fix(), declarations));
        }
        return findings;
    }

    /** One lock violation as a finding; {@code certify}'s in-process lock check reports the same. */
    public static Finding lock(ViolationKind kind, String path, String problem, String fix, Declarations declarations) {
        return new Finding("root24Lock/" + kind, Finding.Level.ERROR, path, 0, problem, fix,
                declarations.of(policyKeys(kind)));
    }

    /** The policy keys that decide whether a violation of {@code kind} is one, most specific first. */
    static String[] policyKeys(ViolationKind kind) {
        return switch (kind) {
            case MISSING_MODULE, MODULE_NOT_DIRECTORY -> new String[] {"structure.expectedModules", "structure"};
            case UNLOCKED_MODULE -> new String[] {"structure.modulePattern", "structure.expectedModules", "structure"};
            case UNAUTHORISED_DIRECTORY -> new String[] {"structure.allowedDirectories", "structure.exceptionsFile", "structure"};
            case UNAUTHORISED_FILE -> new String[] {"structure.allowedFiles", "structure.exceptionsFile", "structure"};
            case FORBIDDEN_FILE -> new String[] {"structure.forbiddenPatterns", "structure"};
            case MISSING_MODULE_ENTRY -> new String[] {"structure.requiredModuleEntries", "structure"};
            case SYMBOLIC_LINK -> new String[] {"structure"};
        };
    }

    /**
     * A missing tool file or a reference not run; errors when the score is below the threshold,
     * warnings otherwise, since they then cost points but not the build. A missing or unreadable
     * CI file is shown at the policy line that lists the tools.
     */
    public static List<Finding> of(StaticAnalysis analysis, boolean failing, Declarations declarations) {
        Finding.Level level = failing ? Finding.Level.ERROR : Finding.Level.WARNING;
        List<Finding> findings = new ArrayList<>();
        for (ToolResult tool : analysis.tools()) {
            String id = tool.tool().id();
            Place declared = declarations.of("ci.tools[" + id + "]", "ci.tools", "ci.preset", "ci");
            if (!tool.toolPresent()) {
                String problem = tool.file() == null || tool.file().problem() == null ? "missing" : tool.file().problem();
                findings.add(new Finding("ciReferences/TOOL_FILE", level, tool.tool().path(), 0,
                        "Tool " + id + " does not count: " + problem + ".",
                        "Commit the tool file " + tool.tool().path() + ".", declared));
            }
            for (ReferenceResult reference : tool.references()) {
                if (reference.found()) {
                    continue;
                }
                String why = reference.detail().isEmpty() ? "" : " (" + reference.detail() + ")";
                findings.add(new Finding("ciReferences/" + reference.status(), level, reference.file(), reference.line(),
                        "Does not run tool " + id + ": " + reference.status().name().toLowerCase().replace('_', ' ') + why + ".",
                        "Add a step to " + reference.file() + " that runs " + tool.tool().path() + ".", declared));
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

    /**
     * A configuration error: the rule could not run at all, which is still a failing build. Shown
     * at the file and line the problem is in when that is a repository file, else at the POM.
     */
    public static List<Finding> configurationError(String rule, PolicyException e) {
        String file = e.file() == null || e.file().startsWith("classpath:") ? null : e.file();
        return List.of(new Finding(rule + "/CONFIGURATION", Finding.Level.ERROR, file, e.line(), e.getMessage(),
                "Correct the rule's configuration or policy file named in the message."));
    }
}
