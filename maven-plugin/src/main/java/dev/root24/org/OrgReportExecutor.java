package dev.root24.org;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import dev.root24.policy.PolicyException;
import dev.root24.resolve.DeployedCertifications;
import dev.root24.report.CertifySettings;
import dev.root24.site.ScoreChart;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.OrganisationTrust;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * {@code root24:org-report} behind its mojo: loads the organisation's policy and keys (as
 * {@code verify-certification} does), finds the projects, resolves each one's deployed chain with
 * {@link DeployedCertifications} (the repository chain store's lookup), judges them with
 * {@link OrgReporter} and writes the report.
 */
@Named
@Singleton
public class OrgReportExecutor {

    /**
     * What the goal was given.
     *
     * @param projects groupId:artifactId items from the command line
     * @param projectsFile a file of them, or null
     * @param groupId every artifactId with certifications under this groupId (file: repositories only), or null
     * @param repository the repository URL to read, or null for the build's repositories
     * @param policy the organisation's policy location
     * @param policyArtifact the policy jar's coordinates, or null
     * @param trustedKeys further PEM public key files the auditor trusts
     * @param requiredTier the lowest tier accepted, or null for the policy's
     * @param signatureAlgorithms required signatures, or null for the policy's
     * @param maxAge the oldest certification accepted, or null
     * @param allowDirty whether certifications of dirty work trees are accepted
     * @param outputDirectory where the report goes
     * @param cacheDirectory the verification cache, or null for none
     * @param cacheKeyFile the cache's secret, kept apart from it
     * @param threads how many projects are judged at once
     */
    public record Settings(List<String> projects, Path projectsFile, String groupId, String repository, String policy,
            String policyArtifact, List<Path> trustedKeys, String requiredTier, String signatureAlgorithms,
            Duration maxAge, boolean allowDirty, Path outputDirectory, Path cacheDirectory, Path cacheKeyFile,
            int threads) {
    }

    /** What the mojo logs. */
    public record Outcome(OrgReporter.Result result, Path index, int projects) {
    }

    private final DeployedCertifications certifications;

    @Inject
    public OrgReportExecutor(DeployedCertifications certifications) {
        this.certifications = certifications;
    }

    public Outcome execute(Settings settings, RepositorySystemSession session, List<RemoteRepository> build)
            throws PolicyException {
        Path jar = settings.policyArtifact() == null || settings.policyArtifact().isBlank() ? null
                : certifications.resolve(session, build, settings.policyArtifact().strip(), null, "jar");
        OrganisationTrust trust = OrganisationTrust.load(settings.policy() == null ? null : settings.policy().strip(), jar,
                settings.trustedKeys());
        CertificationVerifier.Requirements requirements = trust.requirements(settings.requiredTier(),
                settings.signatureAlgorithms(), settings.maxAge(), settings.allowDirty());
        List<RemoteRepository> repositories = DeployedCertifications.repositories(session, build, settings.repository());

        List<ProjectCoordinates> projects = new ArrayList<>(ProjectList.of(settings.projects(), settings.projectsFile()));
        if (settings.groupId() != null && !settings.groupId().isBlank()) {
            if (settings.repository() == null || settings.repository().isBlank()) {
                throw new PolicyException("root24.groupId lists a file: repository: set root24.chainRepository to its file: URL");
            }
            for (ProjectCoordinates p : FileRepository.of(settings.repository()).artifacts(settings.groupId().strip())) {
                if (!projects.contains(p)) {
                    projects.add(p);
                }
            }
        }
        if (projects.isEmpty()) {
            throw new PolicyException("no projects given: set root24.projects (groupId:artifactId,...), root24.projectsFile"
                    + " or root24.groupId");
        }
        VerificationCache cache = settings.cacheDirectory() == null ? null
                : VerificationCache.open(settings.cacheDirectory(), settings.cacheKeyFile());
        Clock clock = Clock.systemUTC();
        OrgReporter.Result result = new OrgReporter(requirements, cache, settings.threads(), clock).run(projects,
                p -> OrgReporter.DeployedChain.of(certifications.chain(session, repositories, p.groupId(), p.artifactId(), clock)),
                settings.policy().strip() + (jar == null ? "" : " in " + settings.policyArtifact().strip()));
        Path index = OrgReportFiles.write(result.report(), new OrgReportHtml(new ScoreChart(
                CertifySettings.thresholds(trust.policy().document().scoring()))),
                settings.outputDirectory());
        return new Outcome(result, index, projects.size());
    }
}
