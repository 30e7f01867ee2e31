package dev.root24.resolve;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;

import dev.root24.policy.PolicyException;
import dev.root24.worm.RepositoryChainStore;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.version.Version;

/**
 * The {@code root24-certification} entries deployed to Maven repositories, resolved with Maven
 * Resolver: one by coordinates ({@code verify-certification}), or every one deployed for a
 * {@code groupId:artifactId} (the repository chain store, and the organisation report).
 *
 * <p>A chain lookup asks the repositories, never a cache: it resolves into a fresh local
 * repository with the update policy {@code always} and no reactor workspace, so a certification
 * deleted from the repository is missing here too, and the latest snapshot is the latest.
 */
@Named
@Singleton
public class DeployedCertifications {

    /** The classifier certify attaches its entry and checkpoint with. */
    public static final String CLASSIFIER = "root24-certification";
    /** The extension of the attached entry. */
    public static final String ENTRY_EXTENSION = "dsse.json";
    /** The repository id of an explicitly configured chain repository ({@code <server>} credentials go under it). */
    public static final String CHAIN_REPOSITORY_ID = "root24-chain";

    /** Far beyond any real release history; a metadata file listing more is broken or hostile. */
    static final int MAX_VERSIONS = 10_000;

    private final RepositorySystem system;

    @Inject
    public DeployedCertifications(RepositorySystem system) {
        this.system = system;
    }

    /**
     * The repositories to ask: the one at {@code url} when given (with the settings' credentials
     * and proxy for {@value #CHAIN_REPOSITORY_ID}), else the build's own.
     */
    public static List<RemoteRepository> repositories(RepositorySystemSession session, List<RemoteRepository> build,
            String url) {
        if (url == null || url.isBlank()) {
            return build;
        }
        RemoteRepository plain = new RemoteRepository.Builder(CHAIN_REPOSITORY_ID, "default", url.strip()).build();
        return List.of(new RemoteRepository.Builder(plain)
                .setAuthentication(session.getAuthenticationSelector().getAuthentication(plain))
                .setProxy(session.getProxySelector().getProxy(plain)).build());
    }

    /** The file of {@code groupId:artifactId:version} with {@code classifier} and {@code extension}. */
    public Path resolve(RepositorySystemSession session, List<RemoteRepository> repositories, String coordinates,
            String classifier, String extension) throws PolicyException {
        String[] parts = coordinates.strip().split(":");
        if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw new PolicyException("'" + coordinates + "' is not groupId:artifactId:version");
        }
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(parts[0], parts[1], classifier, extension, parts[2]),
                repositories, null);
        try {
            return system.resolveArtifact(session, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new PolicyException(coordinates + (classifier == null ? "" : " (" + classifier + ")")
                    + " cannot be resolved from the build's repositories");
        }
    }

    /**
     * The chain of {@code groupId:artifactId} as the repositories hold it now: every version their
     * metadata lists (releases, and the latest deploy of each snapshot version) with its entry.
     *
     * @throws PolicyException when the versions cannot be listed (other than: none deployed yet),
     *         since continuing would silently start a second chain
     */
    public RepositoryChainStore chain(RepositorySystemSession session, List<RemoteRepository> repositories,
            String groupId, String artifactId, Clock clock) throws PolicyException {
        String subject = groupId + ":" + artifactId;
        // Credentials written into a URL never reach a message or report.
        String where = repositories.stream().map(r -> r.getUrl().replaceFirst("//[^/@]*@", "//"))
                .collect(Collectors.joining(", "));
        if (repositories.isEmpty()) {
            throw new PolicyException("the repository chain store of " + subject + " has no repository to read:"
                    + " set root24.chainRepository or declare the deploy repository among the build's repositories");
        }
        Path local;
        try {
            local = Files.createTempDirectory("root24-chain-");
        } catch (IOException e) {
            throw new PolicyException("cannot create a temporary local repository (" + e.getClass().getSimpleName() + ")");
        }
        try {
            DefaultRepositorySystemSession fresh = new DefaultRepositorySystemSession(session);
            fresh.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
            fresh.setWorkspaceReader(null);
            fresh.setLocalRepositoryManager(system.newLocalRepositoryManager(fresh, new LocalRepository(local.toFile())));
            if (session.isOffline() && repositories.stream().allMatch(r -> "file".equals(r.getProtocol()))) {
                // A file: repository involves no network, which is what offline mode guards against.
                fresh.setOffline(false);
            }
            List<RepositoryChainStore.Deployed> deployed = new ArrayList<>();
            for (Version version : versions(fresh, repositories, groupId, artifactId, where)) {
                if (!RepositoryChainStore.isPlainVersion(version.toString())) {
                    // Reported by the store; never resolved, since the resolver makes it a path.
                    deployed.add(new RepositoryChainStore.Deployed(version.toString(), null));
                    continue;
                }
                ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(groupId, artifactId, CLASSIFIER,
                        ENTRY_EXTENSION, version.toString()), repositories, null);
                Path file;
                try {
                    file = system.resolveArtifact(fresh, request).getArtifact().getFile().toPath();
                } catch (ArtifactResolutionException e) {
                    file = null;
                }
                deployed.add(new RepositoryChainStore.Deployed(version.toString(), file));
            }
            // Read now, while the temporary repository exists: the store keeps the bytes.
            return RepositoryChainStore.of(subject, where, local, deployed, clock);
        } finally {
            delete(local);
        }
    }

    private List<Version> versions(RepositorySystemSession session, List<RemoteRepository> repositories, String groupId,
            String artifactId, String where) throws PolicyException {
        VersionRangeRequest request = new VersionRangeRequest(new DefaultArtifact(groupId, artifactId, CLASSIFIER,
                ENTRY_EXTENSION, "[0,)"), repositories, null);
        VersionRangeResult result;
        try {
            result = system.resolveVersionRange(session, request);
        } catch (VersionRangeResolutionException e) {
            throw new PolicyException("cannot list the versions of " + groupId + ":" + artifactId + " in " + where);
        }
        for (Exception e : result.getExceptions()) {
            if (!(e instanceof MetadataNotFoundException)) {
                throw new PolicyException("cannot list the versions of " + groupId + ":" + artifactId + " in " + where
                        + " (" + e.getClass().getSimpleName() + "); not continuing, which would start a second chain");
            }
        }
        if (result.getVersions().size() > MAX_VERSIONS) {
            throw new PolicyException(groupId + ":" + artifactId + " in " + where + ": the metadata lists "
                    + result.getVersions().size() + " versions, more than " + MAX_VERSIONS + "; not resolving them");
        }
        return result.getVersions();
    }

    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary directory left behind holds only copies of public certifications.
        }
    }
}
