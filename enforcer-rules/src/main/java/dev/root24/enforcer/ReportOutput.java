package dev.root24.enforcer;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.root24.findings.DeclarationLines;
import dev.root24.findings.Declarations;
import dev.root24.findings.Finding;
import dev.root24.findings.Place;
import dev.root24.findings.RuleReport;
import dev.root24.policy.SettingSource;
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
            Declarations declarations, List<Finding> findings) {
        RuleReport report = new RuleReport(rule, passed, verdict, findings, root, declarations.fallback());
        for (String problem : report.write(buildDirectory(session, root), System.getenv("GITHUB_STEP_SUMMARY"))) {
            if (log != null) {
                log.warn(problem);
            }
        }
    }

    /**
     * Where the rule's settings are declared: the policy's lines as {@code provenance} gives them,
     * else the repository's POM at the rule's element ({@code <root24Lock>}), or at its
     * {@code <parent>} when the rule is inherited from a POM outside the repository.
     */
    static Declarations declarations(MavenSession session, Path root, String rule, Map<String, SettingSource> provenance) {
        Path pom = root.resolve("pom.xml");
        MavenProject top = session.getTopLevelProject();
        if (!Files.isRegularFile(pom, LinkOption.NOFOLLOW_LINKS) && top != null && top.getFile() != null
                && top.getFile().toPath().toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            pom = top.getFile().toPath().toAbsolutePath().normalize();
        }
        String relative = root.toAbsolutePath().normalize().relativize(pom.toAbsolutePath().normalize()).toString().replace('\\', '/');
        int line = DeclarationLines.element(pom, rule);
        return new Declarations(provenance, new Place(relative, line > 0 ? line : DeclarationLines.element(pom, "parent")));
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
