package dev.root24.plugin;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.Locale;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.site.CertificationPage;
import dev.root24.site.SiteReport;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * A site report of the latest certification (declare the plugin in {@code <reporting>}, run
 * {@code mvn verify site}): the tier, the three phases, the checks, every violation with its fix,
 * the path to the next tier, and a score-history chart of the WORM chain, drawn as an SVG that
 * needs no script and no network. Listed under Project Reports; generated only where
 * {@code root24:certify} wrote a {@code report.json}.
 *
 * <p>The chart shows what each entry of the chain claims. A point counts as verified only when
 * its signature verifies against {@code trustedKeys}; entries that fail verification are marked,
 * left out of the lines, and counted on the page.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public final class ReportMojo extends AbstractMavenReport {

    /** The {@code report.json} that {@code root24:certify} wrote. */
    @Parameter(property = "root24.reportFile", defaultValue = "${project.build.directory}/root24/report.json")
    private File reportFile;

    /**
     * The WORM chain whose history is drawn. Default: the store the certification in
     * {@code reportFile} was appended to. A relative path is resolved against the repository root
     * and may not leave it; an absolute one may lie anywhere (a shared drive).
     */
    @Parameter(property = "root24.wormStore")
    private String wormStore;

    /**
     * Repository-relative PEM public key files: a point of the chart is drawn as verified only when
     * its entry carries a valid signature by one of them. Without keys every point is drawn as not
     * verified. Comma-separated on the command line.
     */
    @Parameter(property = "root24.trustedKeys")
    private List<String> trustedKeys;

    /**
     * The repository root, against which relative paths are resolved. Default: the reactor's
     * top-level directory, as for {@code root24:certify}.
     */
    @Parameter(property = "root24.rootDirectory")
    private File rootDirectory;

    /** Skip the report. */
    @Parameter(property = "root24.skip", defaultValue = "false")
    private boolean skip;

    /** The session, for the repository root. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Override
    public String getOutputName() {
        return "root24-report";
    }

    @Override
    public String getName(Locale locale) {
        return "Root24 certification";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The latest Root24 certification: tier, phases, checks, violations with their fixes, the path"
                + " to the next tier, and the score history of the WORM chain.";
    }

    /** Only where a certification exists: a module that certify skipped gets no empty page. */
    @Override
    public boolean canGenerateReport() {
        return !skip && reportFile != null && Files.exists(reportFile.toPath(), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        File top = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir();
        var root = RepositoryRoot.choose(rootDirectory, session.getRequest().getMultiModuleProjectDirectory(), top)
                .orElseThrow(() -> new MavenReportException("root24:report: cannot tell the repository root; set <rootDirectory>"));
        SiteReport report;
        try {
            report = SiteReport.load(reportFile.toPath(), root, wormStore, trustedKeys == null ? List.of() : trustedKeys);
        } catch (PolicyException e) {
            throw new MavenReportException("root24:report: " + e.getMessage());
        }
        new CertificationPage(getSink(), report.report(), report.history(), report.store(),
                getProject().getName() != null ? getProject().getName() : getProject().getArtifactId()).render();
    }
}
