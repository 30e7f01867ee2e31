package dev.root24.rego;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;

/**
 * The {@code .rego} files a {@link RegoPolicy} covers, found without following symbolic links
 * and skipping {@code .backups/} directories (where {@code rego-migrate} keeps originals) and
 * excluded paths.
 */
public final class RegoFiles {

    /** Where rego-migrate keeps the originals; their old package names must not be reported again. */
    public static final String BACKUP_DIRECTORY = ".backups";

    /**
     * One file found.
     *
     * @param path absolute path
     * @param relative repository-relative path, forward slashes
     * @param symbolicLink whether it is a link (reported, never followed)
     */
    public record Entry(Path path, String relative, boolean symbolicLink) {}

    private RegoFiles() {}

    /**
     * Every covered file, sorted by relative path, each once even when directories overlap.
     *
     * @throws PolicyException if a configured directory escapes the root, is missing (when it was
     *     configured rather than defaulted), or cannot be walked
     */
    public static List<Entry> find(RepositoryRoot root, RegoPolicy policy) throws PolicyException {
        List<PathMatcher> excludes = policy.excludeMatchers();
        TreeMap<String, Entry> found = new TreeMap<>();
        for (String dir : policy.directories()) {
            Path start = root.resolve(dir, "directories");
            if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
                if (policy.defaultDirectories()) {
                    continue;
                }
                throw new PolicyException("directories: '" + dir + "' is not a directory in " + root.directory());
            }
            try {
                Files.walkFileTree(start, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                        if (!d.equals(start) && (d.getFileName().toString().equals(BACKUP_DIRECTORY)
                                || excluded(excludes, root.relativize(d)))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String rel = root.relativize(file);
                        if (file.getFileName().toString().endsWith(".rego") && !excluded(excludes, rel)
                                && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                            found.putIfAbsent(rel, new Entry(file, rel, attrs.isSymbolicLink()));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                        throw e;
                    }
                });
            } catch (IOException e) {
                throw new PolicyException("directories: cannot walk '" + dir + "' (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + ")");
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean excluded(List<PathMatcher> excludes, String relative) {
        Path path = Path.of(relative);
        for (PathMatcher matcher : excludes) {
            if (matcher.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
