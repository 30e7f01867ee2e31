package dev.root24.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The directory every check is confined to. Configured paths are resolved against it and refused
 * when they would leave it, lexically ({@code ../x}, absolute paths) or through a symbolic link:
 * nothing is ever followed outside the repository root.
 */
public final class RepositoryRoot {

    private final Path directory;
    private final Path realDirectory;

    private RepositoryRoot(Path directory, Path realDirectory) {
        this.directory = directory;
        this.realDirectory = realDirectory;
    }

    /** Opens {@code directory} as a root; it must exist and be a directory. */
    public static RepositoryRoot of(Path directory) throws PolicyException {
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new PolicyException("root directory " + absolute + " does not exist");
        }
        if (!Files.isDirectory(absolute)) {
            throw new PolicyException("root directory " + absolute + " is not a directory");
        }
        try {
            return new RepositoryRoot(absolute, absolute.toRealPath());
        } catch (IOException e) {
            throw new PolicyException("root directory " + absolute + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Which directory is the repository root: the configured one when set, else the reactor's
     * top-level directory (where {@code .mvn/} is), else the top-level project's base directory.
     * Empty when none is known. Shared by every rule and goal, so they all check the same root.
     */
    public static java.util.Optional<Path> choose(java.io.File configured, java.io.File reactorTop, java.io.File topProject) {
        java.io.File chosen = configured != null ? configured : reactorTop != null ? reactorTop : topProject;
        return java.util.Optional.ofNullable(chosen).map(f -> f.toPath().toAbsolutePath().normalize());
    }

    public Path directory() {
        return directory;
    }

    /**
     * Resolves a repository-relative path from configuration. {@code what} names the setting in
     * the error message (e.g. {@code "exceptionsFile"}).
     *
     * @throws PolicyException if the path is absolute, escapes the root, or passes through a
     *     symbolic link that points outside it
     */
    public Path resolve(String relative, String what) throws PolicyException {
        Path candidate;
        try {
            Path given = Path.of(relative.replace('\\', '/'));
            if (given.isAbsolute()) {
                Path normal = given.normalize();
                if (!normal.startsWith(directory) && !normal.startsWith(realDirectory)) {
                    throw new PolicyException(what + " '" + relative + "' is outside the repository root " + directory);
                }
                candidate = normal;
            } else {
                candidate = directory.resolve(given).normalize();
            }
        } catch (InvalidPathException e) {
            throw new PolicyException(what + " '" + relative + "' is not a valid path");
        }
        if (!candidate.startsWith(directory)) {
            throw new PolicyException(what + " '" + relative + "' is outside the repository root " + directory);
        }
        checkNoLinkOutside(candidate, relative, what);
        return candidate;
    }

    /** The path relative to the root, with forward slashes, for messages and reports. */
    public String relativize(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        String rel = absolute.startsWith(directory) ? directory.relativize(absolute).toString() : absolute.toString();
        return rel.replace('\\', '/');
    }

    private void checkNoLinkOutside(Path candidate, String relative, String what) throws PolicyException {
        // Walk the existing prefix of the path; a link anywhere along it must stay inside the root.
        Path existing = candidate;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            Path real = existing.toRealPath();
            if (!real.startsWith(realDirectory)) {
                throw new PolicyException(what + " '" + relative + "' leads outside the repository root through a symbolic link");
            }
        } catch (IOException e) {
            // A dangling link cannot be followed anywhere; refuse it rather than guess.
            throw new PolicyException(what + " '" + relative + "' passes through a broken symbolic link");
        }
    }
}
