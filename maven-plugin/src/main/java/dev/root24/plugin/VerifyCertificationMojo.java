package dev.root24.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.root24.exec.Check;
import dev.root24.output.OutputFile;
import dev.root24.policy.PolicyException;
import dev.root24.resolve.DeployedCertifications;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.DigestAlgorithm;
import dev.root24.worm.OrganisationTrust;
import dev.root24.worm.RegularFile;
import dev.root24.worm.VerificationSummary;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Judges a signed certification against the organisation's policy and keys, the way the
 * platform team's CI or an auditor does: the build that made the certification belongs to the
 * certified team, so this goal, not the build, has the last word. It accepts the certification
 * only when an organisation key signed it, it was made under the organisation's policy (same
 * digest), it overrode nothing that policy locks, its tier is high enough and it is recent
 * enough; otherwise it fails and lists every reason. Runs without a project.
 */
@Mojo(name = "verify-certification", requiresProject = false, threadSafe = true)
public final class VerifyCertificationMojo extends AbstractMojo {

    private static final long MAX_ENVELOPE_BYTES = 16L * 1024 * 1024;

    /** The certification to judge: a {@code certification.dsse.json} written by {@code root24:certify}. */
    @Parameter(property = "root24.certification")
    private File certification;

    /**
     * Or the certification deployed with a project, as {@code groupId:artifactId:version}: its
     * {@code root24-certification} attachment is resolved from the build's repositories.
     */
    @Parameter(property = "root24.certificationArtifact")
    private String certificationArtifact;

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
     * Signatures that must each be present and valid, comma-separated ({@code ML-DSA-44},
     * {@code Ed25519}). Default: the policy's {@code worm.signatureAlgorithms}, else any one.
     */
    @Parameter(property = "root24.signatureAlgorithms")
    private String signatureAlgorithms;

    /** The lowest tier accepted. Default: the policy's {@code failBelow}, else {@code NONE}. */
    @Parameter(property = "root24.requiredTier")
    private String requiredTier;

    /**
     * The oldest certification accepted, as the timeout formats or ISO-8601 ({@code 30d},
     * {@code 12h}, {@code P30D}). Default 30 days: an old GOLD says little about today's repository.
     */
    @Parameter(property = "root24.maxAge", defaultValue = "P30D")
    private String maxAge;

    /** Accept a certification of a work tree with uncommitted changes. Default false. */
    @Parameter(property = "root24.allowDirty", defaultValue = "false")
    private boolean allowDirty;

    /**
     * Where the verdict is written as a SLSA Verification Summary Attestation v1 statement
     * ({@code verificationResult}, {@code verifiedLevels} such as {@code ROOT24_GOLD}, the policy's
     * URI and digest), whether it passed or failed. Never written through a link.
     */
    @Parameter(property = "root24.verificationSummary", defaultValue = "${session.executionRootDirectory}/target/root24/verification-summary.json")
    private File verificationSummary;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private org.apache.maven.plugin.descriptor.PluginDescriptor plugin;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private DeployedCertifications certifications;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        CertificationVerifier.Verdict verdict;
        String what;
        try {
            Path jar = policyArtifact == null || policyArtifact.isBlank() ? null : resolve(policyArtifact, null, "jar");
            OrganisationTrust trust = OrganisationTrust.load(policy == null ? null : policy.strip(), jar,
                    trustedKeys == null ? List.of() : trustedKeys.stream().map(File::toPath).toList());
            Path envelope = envelope();
            what = certificationArtifact != null && !certificationArtifact.isBlank() ? certificationArtifact : envelope.toString();
            var requirements = trust.requirements(requiredTier, signatureAlgorithms, maxAge(maxAge), allowDirty);
            byte[] bytes = read(envelope);
            verdict = new CertificationVerifier(requirements, Clock.systemUTC()).verify(bytes);
            if (certificationArtifact != null && !certificationArtifact.isBlank()) {
                verdict = verdict.requireProject(certificationArtifact.strip());
            }
            String policyUri = jar == null ? Path.of(policy.strip()).toAbsolutePath().toUri().toString()
                    : policy.strip() + " in " + policyArtifact.strip();
            String resource = certificationArtifact != null && !certificationArtifact.isBlank()
                    ? purl(certificationArtifact) : envelope.toAbsolutePath().toUri().toString();
            writeSummary(VerificationSummary.statement(verdict, resource, DigestAlgorithm.SHA_256.hex(bytes), policyUri,
                    trust.policy().base().sha256(), plugin.getVersion(), Instant.now()));
            getLog().info("root24:verify-certification of " + what + " against " + policy
                    + (jar == null ? "" : " (" + policyArtifact + ")") + ", sha256 " + trust.policy().base().sha256());
        } catch (PolicyException | IllegalArgumentException e) {
            throw new MojoExecutionException("root24:verify-certification: " + e.getMessage());
        }
        getLog().info("  " + (verdict.project() == null ? "?" : verdict.project()) + ": " + verdict.tier() + " "
                + verdict.score() + "/100, made " + verdict.timestamp() + ", signed by " + (verdict.signers().isEmpty()
                ? "no organisation key" : String.join(", ", verdict.signers().stream().map(k -> k.substring(0, 16)).toList())));
        if (!verdict.accepted()) {
            StringBuilder message = new StringBuilder("root24:verify-certification: " + what + " is rejected ("
                    + verdict.reasons().size() + (verdict.reasons().size() == 1 ? " reason" : " reasons") + "):");
            verdict.reasons().forEach(r -> message.append(System.lineSeparator()).append("  - ").append(r));
            throw new MojoFailureException(message.toString());
        }
        getLog().info("  ACCEPTED: signed by the organisation, made under its policy, nothing locked overridden, tier at least "
                + verdict.tier());
    }

    private void writeSummary(byte[] statement) throws PolicyException {
        Path file = verificationSummary.toPath().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            if (Files.isSymbolicLink(file)) {
                throw new PolicyException(file + ": is a symbolic link; the verification summary is not written through it");
            }
            OutputFile.replace(file, statement);
            getLog().info("Verification summary (SLSA VSA v1): " + file);
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** {@code groupId:artifactId:version} as a package URL. */
    private static String purl(String coordinates) {
        String[] parts = coordinates.strip().split(":");
        return parts.length == 3 ? "pkg:maven/" + parts[0] + "/" + parts[1] + "@" + parts[2] : coordinates.strip();
    }

    /** {@code text} as the timeout formats or ISO-8601, or null for none; shared with {@code org-report}. */
    static Duration maxAge(String maxAge) throws PolicyException {
        if (maxAge == null || maxAge.isBlank() || maxAge.strip().equalsIgnoreCase("none")) {
            return null;
        }
        String text = maxAge.strip();
        try {
            if (text.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            if (text.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            return Check.parseTimeout(text);
        } catch (RuntimeException e) {
            throw new PolicyException("maxAge '" + text + "' is not a duration (e.g. 30d, 12h, P30D)");
        }
    }

    private Path envelope() throws PolicyException {
        boolean byFile = certification != null;
        boolean byArtifact = certificationArtifact != null && !certificationArtifact.isBlank();
        if (byFile == byArtifact) {
            throw new PolicyException("give exactly one of root24.certification (a file) and root24.certificationArtifact"
                    + " (groupId:artifactId:version)");
        }
        return byFile ? certification.toPath() : resolve(certificationArtifact, DeployedCertifications.CLASSIFIER, DeployedCertifications.ENTRY_EXTENSION);
    }

    private static byte[] read(Path file) throws PolicyException {
        try {
            return RegularFile.read(file, MAX_ENVELOPE_BYTES);
        } catch (RegularFile.Refused e) {
            throw new PolicyException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private Path resolve(String coordinates, String classifier, String extension) throws PolicyException {
        return certifications.resolve(session.getRepositorySession(), project.getRemoteProjectRepositories(), coordinates,
                classifier, extension);
    }
}
