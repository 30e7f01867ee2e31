package dev.root24.enforcer;

import java.nio.file.Path;
import java.util.List;

import dev.root24.findings.Finding;
import dev.root24.findings.RuleReport;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Where a rule's {@link RuleReport} goes: the execution root's build directory (so a failing
 * {@code validate} still leaves {@code target/root24/<rule>.sarif}) and {@code $GITHUB_STEP_SUMMARY}.
 */
final class ReportOutput {

    private ReportOutput() {}

    static void write(MavenSession session, Path root, EnforcerLogger log, String rule, boolean passed, String verdict,
            List<Finding> findings) {
        RuleReport report = new RuleReport(rule, passed, verdict, findings);
        for (String problem : report.write(buildDirectory(session, root), System.getenv("GITHUB_STEP_SUMMARY"))) {
            if (log != null) {
                log.warn(problem);
            }
        }
    }

    private static Path buildDirectory(MavenSession session, Path root) {
        MavenProject top = session.getTopLevelProject();
        // With -pl the top-level project may be a module; its target/ is not where CI looks.
        if (top != null && top.isExecutionRoot() && top.getBuild() != null && top.getBuild().getDirectory() != null) {
            return Path.of(top.getBuild().getDirectory());
        }
        return root.resolve("target");
    }
}
