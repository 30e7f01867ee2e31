package dev.root24.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.rego.LayerSource;
import dev.root24.rego.MigrationChange;
import dev.root24.rego.MigrationPlan;
import dev.root24.rego.MigrationReport;
import dev.root24.rego.MigrationSkip;
import dev.root24.rego.RegoMigration;
import dev.root24.rego.RegoPolicy;
import dev.root24.policy.RepositoryRoot;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Rewrites Rego policies to the {@code regoPackages} conventions: package lines named after
 * their module ({@code package ssid.01ailayer.v6_0} → {@code package ssid.ai_layer.v6_0}) and the
 * mechanical Rego v1 forms (<code>deny[msg] {</code> → <code>deny contains msg if {</code>,
 * <code>allow {</code> → <code>allow if {</code>, {@code import future.keywords...} → {@code import rego.v1}).
 *
 * <p>A dry run by default: it writes {@code target/root24/rego-migration.json} (every change with
 * file, line, before and after) and changes nothing. With {@code -Droot24.apply} it rewrites the
 * files, keeping each original under {@code .backups/} next to it. A file it could not analyse is
 * never changed. Running it again afterwards changes nothing.
 */
// Only reads configuration and reports; the work is RegoMigration's (kept out of the help text).
@Mojo(name = "rego-migrate", aggregator = true, threadSafe = true)
public final class RegoMigrateMojo extends AbstractMojo {

    /**
     * The repository root. Default: the reactor's top-level directory
     * ({@code maven.multiModuleProjectDirectory}).
     */
    @Parameter(property = "root24.rootDirectory")
    private File rootDirectory;

    /**
     * Repository-relative directories whose {@code .rego} files are migrated, recursively.
     * Default: every locked module. Use the same value as the {@code regoPackages} rule.
     */
    @Parameter
    private List<String> directories;

    /**
     * The first segment(s) every package must start with, as in the rule. Default {@code ssid};
     * {@code none} for no prefix.
     */
    @Parameter(property = "root24.rego.prefix", defaultValue = "ssid")
    private String prefix;

    /** Where a file's module is read from: {@code fileName} (default) or {@code directory}, as in the rule. */
    @Parameter(property = "root24.rego.layerFrom", defaultValue = "fileName")
    private String layerFrom;

    /** Globs of repository-relative paths left alone. {@code .backups/} directories are always skipped. */
    @Parameter
    private List<String> excludes;

    /** The locked modules the layers come from. Default: the 24 ROOT-24 modules. */
    @Parameter
    private List<String> modules;

    /**
     * Whether to rewrite the Rego v1 forms ({@code contains}, {@code if}, {@code import rego.v1})
     * as well as the package lines. Default {@code true}.
     */
    @Parameter(property = "root24.rego.syntax", defaultValue = "true")
    private boolean syntax;

    /** Write the changes. Without it the goal is a dry run that only writes the report. */
    @Parameter(property = "root24.apply", defaultValue = "false")
    private boolean apply;

    /** Where the JSON report goes. */
    @Parameter(property = "root24.rego.report", defaultValue = "${project.build.directory}/root24/rego-migration.json")
    private File report;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoFailureException {
        Path root = root();
        MigrationPlan plan;
        RegoMigration.Applied applied = null;
        try {
            plan = new RegoMigration(policy(), syntax).plan(root);
            if (apply) {
                applied = RegoMigration.apply(plan);
            }
        } catch (PolicyException e) {
            throw new MojoFailureException("rego-migrate: " + e.getMessage());
        }
        String verb = apply ? "changed" : "would change";
        for (MigrationChange change : plan.changes()) {
            getLog().info(verb + " " + change.file() + ":" + change.line() + ": " + oneLine(change.before()) + " -> "
                    + (change.after().isEmpty() ? "(line removed)" : oneLine(change.after())));
        }
        for (MigrationSkip skip : plan.skipped()) {
            getLog().warn("left alone " + (skip.line() > 0 ? skip.file() + ":" + skip.line() : skip.file()) + ": " + skip.reason());
        }
        if (applied != null) {
            for (MigrationSkip skip : applied.skipped()) {
                getLog().warn("left alone " + skip.file() + ": " + skip.reason());
            }
        }
        try {
            MigrationReport.write(report.toPath(), plan, applied);
        } catch (IOException e) {
            throw new MojoFailureException("rego-migrate: cannot write " + report + " (" + e.getClass().getSimpleName() + ")");
        }
        String counts = plan.changes().size() + " change(s) in " + plan.files().size() + " of " + plan.filesScanned()
                + " .rego file(s)";
        if (applied != null) {
            getLog().info("rego-migrate: applied " + counts + "; " + applied.written().size() + " file(s) written, "
                    + applied.backups().size() + " backup(s) under .backups/; report " + report);
            if (applied.failed() > 0) {
                throw new MojoFailureException("rego-migrate: " + applied.failed()
                        + " file(s) could not be written and were left as they were; see the warnings above and " + report);
            }
        } else {
            getLog().info("rego-migrate: dry run, " + counts + "; nothing written; report " + report
                    + (plan.isEmpty() ? "" : "; run with -Droot24.apply to write them"));
        }
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n");
    }

    private RegoPolicy policy() throws PolicyException {
        RegoPolicy.Builder builder = RegoPolicy.builder();
        if (prefix != null) {
            builder.prefix(prefix);
        }
        if (modules != null && !modules.isEmpty()) {
            builder.modules(modules);
        }
        if (directories != null && !directories.isEmpty()) {
            builder.directories(directories);
        }
        if (layerFrom != null && !layerFrom.isBlank()) {
            builder.layerSource(LayerSource.parse(layerFrom));
        }
        if (excludes != null) {
            builder.excludes(excludes);
        }
        return builder.build();
    }

    private Path root() throws MojoFailureException {
        File topProject = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir();
        return RepositoryRoot.choose(rootDirectory, session.getRequest().getMultiModuleProjectDirectory(), topProject)
                .orElseThrow(() -> new MojoFailureException("rego-migrate: cannot tell the repository root; set -Droot24.rootDirectory"));
    }
}
