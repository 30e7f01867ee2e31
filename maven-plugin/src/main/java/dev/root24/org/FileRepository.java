package dev.root24.org;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.root24.policy.PolicyException;
import dev.root24.resolve.DeployedCertifications;
import dev.root24.worm.DigestAlgorithm;
import dev.root24.worm.RegularFile;
import dev.root24.worm.RepositoryChainStore;
import dev.root24.worm.WormStore;

/**
 * A Maven repository on a file system ({@code file:} URL, a mounted share), read in place: what
 * no remote repository offers, a listing of every artifactId deployed under a groupId. A remote
 * Maven repository has no listing in its layout (Nexus and Artifactory have search APIs of their
 * own, which this does not use): give the projects instead.
 *
 * <p>No symbolic link is followed: the repository's directories were created by whoever deploys.
 */
public final class FileRepository {

    /** Far beyond any real number of versions or artifacts in one directory; more is broken or hostile. */
    static final int MAX_DIRECTORIES = 20_000;

    private final Path root;

    public FileRepository(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The repository at a {@code file:} URL. */
    public static FileRepository of(String url) throws PolicyException {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            if (!"file".equals(uri.getScheme())) {
                throw new PolicyException(url + ": lists only a file: repository; a remote repository has no listing, give root24.projects");
            }
            return new FileRepository(Path.of(uri));
        } catch (IllegalArgumentException e) {
            throw new PolicyException("root24.chainRepository is not a file: URL");
        }
    }

    /** Every artifactId under {@code groupId} that has at least one deployed certification. */
    public List<ProjectCoordinates> artifacts(String groupId) throws PolicyException {
        if (!ProjectCoordinates.isId(groupId)) {
            throw new PolicyException("root24.groupId is not a groupId");
        }
        Path group = root.resolve(groupId.replace('.', '/'));
        TreeSet<ProjectCoordinates> found = new TreeSet<>();
        for (Path artifact : directories(group)) {
            String artifactId = artifact.getFileName().toString();
            if (!ProjectCoordinates.isId(artifactId)) {
                continue;
            }
            if (!versionsWithCertification(artifact, artifactId).isEmpty()) {
                found.add(new ProjectCoordinates(groupId, artifactId));
            }
            if (found.size() > ProjectList.MAX_PROJECTS) {
                throw new PolicyException(group + ": more than " + ProjectList.MAX_PROJECTS + " artifacts");
            }
        }
        return new ArrayList<>(found);
    }

    /**
     * What the release directories of {@code project} hold, each artifact read once (a
     * snapshot's timestamped files need the resolver's metadata; the goal resolves through Maven
     * Resolver instead).
     */
    public OrgReporter.DeployedChain deployed(ProjectCoordinates project, Clock clock) throws PolicyException {
        Path artifact = root.resolve(project.groupId().replace('.', '/')).resolve(project.artifactId());
        List<RepositoryChainStore.Deployed> deployed = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Path version : directories(artifact)) {
            String v = version.getFileName().toString();
            if (v.endsWith("-SNAPSHOT")) {
                continue;
            }
            Path file = entry(version, project.artifactId(), v);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                deployed.add(new RepositoryChainStore.Deployed(v, null));
                digests.add(v + " none");
                continue;
            }
            byte[] bytes = null;
            try {
                bytes = RegularFile.read(file, WormStore.MAX_ENTRY_BYTES);
                digests.add(v + " " + DigestAlgorithm.SHA_256.hex(bytes));
            } catch (IOException e) {
                // The store reads it again and reports why, without its content.
                digests.add(v + " unreadable " + e.getClass().getSimpleName());
            }
            deployed.add(new RepositoryChainStore.Deployed(v, file, bytes));
        }
        String digest = VerificationCache.digest(digests);
        String where = root.toUri().toString();
        return new OrgReporter.DeployedChain() {
            @Override
            public String digest() {
                return digest;
            }

            @Override
            public RepositoryChainStore store() {
                return RepositoryChainStore.of(project.toString(), where, root, deployed, clock);
            }
        };
    }

    /** The chain of {@code project} as the release directories hold it. */
    public RepositoryChainStore chain(ProjectCoordinates project, Clock clock) throws PolicyException {
        return (RepositoryChainStore) deployed(project, clock).store();
    }

    private static Path entry(Path versionDirectory, String artifactId, String version) {
        return versionDirectory.resolve(artifactId + "-" + version + "-" + DeployedCertifications.CLASSIFIER + "."
                + DeployedCertifications.ENTRY_EXTENSION);
    }

    private List<Path> versionsWithCertification(Path artifact, String artifactId) throws PolicyException {
        List<Path> out = new ArrayList<>();
        for (Path version : directories(artifact)) {
            String v = version.getFileName().toString();
            if (RepositoryChainStore.isPlainVersion(v) && (v.endsWith("-SNAPSHOT")
                    || Files.isRegularFile(entry(version, artifactId, v), LinkOption.NOFOLLOW_LINKS))) {
                out.add(version);
                break;
            }
        }
        return out;
    }

    /** The subdirectories of {@code dir}, which must lie below the root through no symbolic link. */
    private List<Path> directories(Path dir) throws PolicyException {
        List<Path> out = new ArrayList<>();
        if (Files.isSymbolicLink(dir)) {
            throw new PolicyException(dir + ": is a symbolic link in the repository; not followed");
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            if (!dir.toRealPath().equals(root.toRealPath().resolve(root.relativize(dir)))) {
                throw new PolicyException(dir + ": lies under a symbolic link in the repository; not followed");
            }
        } catch (IOException e) {
            throw new PolicyException(dir + ": cannot be resolved (" + e.getClass().getSimpleName() + ")");
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path p : listing) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(p);
                }
                if (out.size() > MAX_DIRECTORIES) {
                    throw new PolicyException(dir + ": more than " + MAX_DIRECTORIES + " directories; not listed");
                }
            }
        } catch (IOException e) {
            throw new PolicyException(dir + ": cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
        out.sort(null);
        return out;
    }
}
