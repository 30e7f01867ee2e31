package dev.root24.plugin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.root24.exec.SecretMask;
import dev.root24.policy.PolicyException;
import dev.root24.resolve.DeployedCertifications;
import dev.root24.worm.ChainStore;
import dev.root24.worm.WormStore;
import dev.root24.worm.ChainProblem;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.ChainVerifier;
import dev.root24.worm.Checkpoint;
import dev.root24.worm.LegacyChainVerifier;
import dev.root24.worm.Outcome;
import dev.root24.output.OutputFile;
import dev.root24.worm.PemKeys;
import dev.root24.worm.RegularFile;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.TrustedKey;
import dev.root24.worm.WormException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Verifies a WORM store and writes {@code chain-verification.json}: every entry's integrity, the
 * {@code prev} links, indexes and timestamps, every required signature against the trusted keys,
 * the store's checkpoint and consistency with a trusted checkpoint. Also reads the SSID report's legacy
 * layout ({@code -Droot24.format=legacy}) and states what such a store cannot prove.
 *
 * <p>Fails the build on {@code FAIL}, and on {@code WARN} with {@code -Droot24.strict}. Runs
 * without a project.
 */
@Mojo(name = "verify-chain", requiresProject = false, threadSafe = true)
public final class VerifyChainMojo extends AbstractMojo {

    /**
     * The store to verify. Default {@code target/root24/worm} (where {@code certify} appends by
     * default) of the project, or of the current directory when there is no project.
     */
    @Parameter(property = "root24.wormStore")
    private File wormStore;

    /**
     * PEM public key files ({@code .pub.pem} from {@code root24:keygen}); only their signatures
     * count. When given, every entry must be signed, by every algorithm among these keys (or
     * those in {@code signatureAlgorithms}). Comma-separated on the command line.
     */
    @Parameter(property = "root24.trustedKeys")
    private List<File> trustedKeys;

    /**
     * A checkpoint file saved earlier (a copy of the store's {@code checkpoint}); the chain must
     * be a consistent extension of it. This is what detects truncation and rollback.
     */
    @Parameter(property = "root24.trustedCheckpoint")
    private File trustedCheckpoint;

    /**
     * Algorithms every entry must carry a valid signature of, comma-separated (e.g.
     * {@code ML-DSA-44,Ed25519}). Default: the algorithms of the trusted keys.
     */
    @Parameter(property = "root24.signatureAlgorithms")
    private String signatureAlgorithms;

    /** {@code native} (the default) or {@code legacy}, the SSID report's unsigned one-file-per-run layout. */
    @Parameter(property = "root24.format", defaultValue = "native")
    private String format;

    /** Fail the build on {@code WARN} too (e.g. unsigned entries, fewer than two entries). */
    @Parameter(property = "root24.strict", defaultValue = "false")
    private boolean strict;

    /**
     * Where the verification result is written. Default {@code target/root24/chain-verification.json}
     * of the project, or of the current directory when there is no project.
     */
    @Parameter(property = "root24.verificationReport")
    private File verificationReport;

    /**
     * Which store to verify: {@code directory} (the default), the {@code wormStore} directory; or
     * {@code repository}, the certifications deployed for {@code chainArtifact}, resolved from
     * {@code chainRepository} or the build's repositories. On a repository store a fork (two
     * release certifications at one index) is a {@code WARN}, a missing index a {@code FAIL}.
     */
    @Parameter(property = "root24.chainStore", defaultValue = "directory")
    private String chainStore;

    /** With {@code chainStore=repository}: the {@code groupId:artifactId} whose chain is verified. Default: the project's. */
    @Parameter(property = "root24.chainArtifact")
    private String chainArtifact;

    /**
     * With {@code chainStore=repository}: the URL of the repository the certifications were
     * deployed to. Default: the build's repositories. Credentials: the settings' {@code <server>}
     * with id {@code root24-chain}.
     */
    @Parameter(property = "root24.chainRepository")
    private String chainRepository;

    @Component
    private DeployedCertifications certifications;

    /** Skip the goal. */
    @Parameter(property = "root24.skip", defaultValue = "false")
    private boolean skip;

    /** The project, when there is one; without a pom Maven supplies a stand-in project whose paths are not usable. */
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    /** The session, for the directory Maven was started in. */
    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("root24: verify-chain skipped");
            return;
        }
        Path buildDirectory = buildDirectory();
        if (wormStore == null) {
            wormStore = buildDirectory.resolve("root24/worm").toFile();
        }
        if (verificationReport == null) {
            verificationReport = buildDirectory.resolve("root24/chain-verification.json").toFile();
        }
        SecretMask mask = SecretMask.of(System.getenv());
        ChainVerification result;
        try {
            result = verify();
        } catch (MojoExecutionException e) {
            throw new MojoExecutionException(mask.apply(e.getMessage()));
        }
        try {
            OutputFile.replace(verificationReport.toPath(), mask.apply(result.toJson()));
        } catch (IOException e) {
            throw new MojoExecutionException(verificationReport + ": cannot write (" + e.getClass().getSimpleName() + ")", e);
        }
        for (ChainProblem p : result.problems()) {
            if (p.severity() == Outcome.FAIL) {
                getLog().error(mask.apply("root24: " + p));
            } else {
                getLog().warn(mask.apply("root24: " + p));
            }
        }
        result.notes().forEach(n -> getLog().info(mask.apply("root24: note: " + n)));
        result.limits().forEach(l -> getLog().warn("root24: cannot prove: " + l));
        String summary = "root24: " + result.format() + " chain " + result.store() + ": " + result.outcome() + ", "
                + result.entries() + " entries, " + result.signed() + " with verified signatures, "
                + result.problems(Outcome.FAIL).size() + " failure(s), " + result.problems(Outcome.WARN).size()
                + " warning(s); details in " + verificationReport;
        getLog().info(summary);
        if (result.outcome() == Outcome.FAIL) {
            throw new MojoFailureException("WORM chain verification FAILED: " + mask.apply(firstFailure(result))
                    + " (" + result.problems(Outcome.FAIL).size() + " failure(s), see " + verificationReport + ")");
        }
        if (strict && result.outcome() == Outcome.WARN) {
            throw new MojoFailureException("WORM chain verification gave WARN and root24.strict is set: "
                    + mask.apply(result.problems(Outcome.WARN).get(0).toString()));
        }
    }

    /** {@code target/} of the project, or of the current directory when running without a pom. */
    private Path buildDirectory() {
        if (project != null && project.getFile() != null) {
            return Path.of(project.getBuild().getDirectory());
        }
        String root = session != null ? session.getExecutionRootDirectory() : null;
        return Path.of(root != null ? root : System.getProperty("user.dir")).resolve("target");
    }

    private static String firstFailure(ChainVerification result) {
        return result.problems(Outcome.FAIL).get(0).toString();
    }

    private ChainVerification verify() throws MojoExecutionException {
        String chosen = format == null ? "native" : format.trim().toLowerCase(Locale.ROOT);
        if (chosen.equals("legacy")) {
            return new LegacyChainVerifier().verify(wormStore.toPath());
        }
        if (!chosen.equals("native")) {
            throw new MojoExecutionException("format '" + format + "' is not supported (expected native or legacy)");
        }
        try {
            List<TrustedKey> keys = new ArrayList<>();
            if (trustedKeys != null) {
                for (File f : trustedKeys) {
                    keys.addAll(PemKeys.readPublicKeys(f.toPath()));
                }
            }
            Checkpoint checkpoint = null;
            if (trustedCheckpoint != null) {
                checkpoint = Checkpoint.parse(readCheckpoint(trustedCheckpoint), trustedCheckpoint.toString());
            }
            Set<SignatureAlgorithm> required = EnumSet.noneOf(SignatureAlgorithm.class);
            if (signatureAlgorithms != null && !signatureAlgorithms.isBlank()) {
                required.addAll(SignatureAlgorithm.parseList(signatureAlgorithms));
            }
            if (!required.isEmpty() && keys.isEmpty()) {
                throw new MojoExecutionException("signatureAlgorithms is set but trustedKeys is not: signatures can"
                        + " only be required against keys you trust");
            }
            return new ChainVerifier(keys, checkpoint, required).verify(store());
        } catch (PolicyException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (WormException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private ChainStore store() throws PolicyException {
        String kind = chainStore == null ? "directory" : chainStore.strip().toLowerCase(Locale.ROOT);
        if (kind.equals("directory")) {
            return WormStore.at(wormStore.toPath());
        }
        if (!kind.equals("repository")) {
            throw new PolicyException("chainStore '" + chainStore + "' is not directory or repository");
        }
        String subject = chainArtifact != null && !chainArtifact.isBlank() ? chainArtifact.strip()
                : project != null && project.getFile() != null ? project.getGroupId() + ":" + project.getArtifactId() : null;
        String[] parts = subject == null ? new String[0] : subject.split(":");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new PolicyException("chainStore=repository needs root24.chainArtifact=groupId:artifactId"
                    + (subject == null ? "" : " ('" + subject + "' is not)"));
        }
        return certifications.chain(session.getRepositorySession(), DeployedCertifications.repositories(
                session.getRepositorySession(), project == null ? List.of() : project.getRemoteProjectRepositories(),
                chainRepository), parts[0], parts[1], java.time.Clock.systemUTC());
    }

    private static byte[] readCheckpoint(File file) throws WormException {
        try {
            return RegularFile.readFollowingLinks(file.toPath(), Checkpoint.MAX_BYTES);
        } catch (RegularFile.Refused e) {
            throw new WormException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new WormException(file + ": cannot read the trusted checkpoint (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String toString() {
        return "root24:verify-chain " + format + " " + wormStore;
    }
}
