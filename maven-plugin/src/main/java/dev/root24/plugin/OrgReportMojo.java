package dev.root24.plugin;

import java.io.File;
import java.util.List;

import dev.root24.org.OrgReportExecutor;
import dev.root24.org.OrgStatus;
import dev.root24.policy.PolicyException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * One page for every repository of the organisation: resolves the certifications each project
 * deployed (its {@code root24-certification} attachments), verifies each chain and its latest
 * certification against the organisation's policy and keys as {@code verify-certification} does,
 * and writes {@code index.html} (one row per project, a drill-down page with the score history
 * chart for each), {@code org-report.json} and {@code org-report.csv}. Static files that open
 * offline. Runs without a project; it reports, it does not fail on a project's status.
 */
@Mojo(name = "org-report", requiresProject = false, threadSafe = true)
public final class OrgReportMojo extends AbstractMojo {

    /** The projects, {@code groupId:artifactId}, comma-separated on the command line. */
    @Parameter(property = "root24.projects")
    private List<String> projects;

    /** A file of projects, one {@code groupId:artifactId} a line; {@code #} starts a comment. */
    @Parameter(property = "root24.projectsFile")
    private File projectsFile;

    /**
     * Also every artifactId under this groupId that has a deployed certification. Only a
     * {@code file:} {@code chainRepository} can be listed; a remote repository has no listing.
     */
    @Parameter(property = "root24.groupId")
    private String groupId;

    /**
     * The repository the certifications are read from ({@code file:}, {@code https:}; credentials
     * from the settings' {@code <server>} with id {@code root24-chain}). Default: the build's repositories.
     */
    @Parameter(property = "root24.chainRepository")
    private String chainRepository;

    /**
     * The organisation's policy: {@code classpath:path/policy.yaml} inside {@code policyArtifact},
     * or a policy file the auditor holds.
     */
    @Parameter(property = "root24.policy")
    private String policy;

    /** The organisation's policy jar, {@code groupId:artifactId:version}, resolved from the build's repositories. */
    @Parameter(property = "root24.policyArtifact")
    private String policyArtifact;

    /** Further SPKI PEM files of keys the auditor trusts, besides those the policy names. */
    @Parameter(property = "root24.trustedKeys")
    private List<File> trustedKeys;

    /**
     * Signatures every certification must carry, comma-separated ({@code ML-DSA-44},
     * {@code Ed25519}). Default: the policy's {@code worm.signatureAlgorithms}, else the trusted keys' algorithms.
     */
    @Parameter(property = "root24.signatureAlgorithms")
    private String signatureAlgorithms;

    /** The lowest tier accepted. Default: the policy's {@code failBelow}, else {@code NONE}. */
    @Parameter(property = "root24.requiredTier")
    private String requiredTier;

    /** A latest certification older than this is STALE ({@code 30d}, {@code 12h}, {@code P30D}). */
    @Parameter(property = "root24.maxAge", defaultValue = "P30D")
    private String maxAge;

    /** Accept a certification of a work tree with uncommitted changes. Default false. */
    @Parameter(property = "root24.allowDirty", defaultValue = "false")
    private boolean allowDirty;

    /**
     * Where {@code index.html}, {@code org-report.json}, {@code org-report.csv} and {@code projects/}
     * are written. Default: {@code target/org-report} in the directory mvn runs in (there is no project).
     */
    @Parameter(property = "root24.orgReportDirectory", defaultValue = "${session.executionRootDirectory}/target/org-report")
    private File outputDirectory;

    /**
     * A directory of earlier verdicts, keyed by the SHA-256 of each chain's certification
     * artifacts: a rerun verifies only the chains that changed. Default: no cache.
     */
    @Parameter(property = "root24.cacheDirectory")
    private File cacheDirectory;

    /**
     * The secret that authenticates the cache's entries (created when missing, owner-only); it may
     * not lie inside {@code cacheDirectory}, since whoever can write the cache could then forge it.
     */
    @Parameter(property = "root24.cacheKeyFile", defaultValue = "${user.home}/.root24/org-report-cache.key")
    private File cacheKeyFile;

    /** How many projects are verified at once. Default: the available processors. */
    @Parameter(property = "root24.threads", defaultValue = "0")
    private int threads;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private OrgReportExecutor executor;

    @Override
    public void execute() throws MojoExecutionException {
        OrgReportExecutor.Outcome outcome;
        try {
            var settings = new OrgReportExecutor.Settings(projects == null ? List.of() : projects,
                    projectsFile == null ? null : projectsFile.toPath(), groupId, chainRepository, policy, policyArtifact,
                    trustedKeys == null ? List.of() : trustedKeys.stream().map(File::toPath).toList(), requiredTier,
                    signatureAlgorithms, VerifyCertificationMojo.maxAge(maxAge), allowDirty, outputDirectory.toPath(),
                    cacheDirectory == null ? null : cacheDirectory.toPath(), cacheKeyFile.toPath(),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            outcome = executor.execute(settings, session.getRepositorySession(), project.getRemoteProjectRepositories());
        } catch (PolicyException | IllegalArgumentException e) {
            throw new MojoExecutionException("root24:org-report: " + e.getMessage());
        }
        var report = outcome.result().report();
        StringBuilder counts = new StringBuilder();
        for (OrgStatus status : OrgStatus.values()) {
            if (report.count(status) > 0) {
                counts.append(counts.isEmpty() ? "" : ", ").append(report.count(status)).append(' ').append(status);
            }
        }
        getLog().info("root24:org-report: " + outcome.projects() + " projects (" + counts + "); "
                + outcome.result().verified() + " verified, " + outcome.result().cached() + " from the cache");
        getLog().info("  " + outcome.index());
    }
}
