package dev.root24.structure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.root24.policy.PolicyException;

/**
 * Checks a repository root against a {@link StructurePolicy}.
 *
 * <p>It reads the root's entries and, for each locked module, only the required entries by name:
 * its cost does not depend on how many files lie below the modules. Symbolic links are reported
 * and never followed.
 */
public final class StructureLock {

    private final StructurePolicy policy;
    private final List<PathMatcher> forbidden;
    private final List<PathMatcher> ignored;

    public StructureLock(StructurePolicy policy) {
        this.policy = policy;
        this.forbidden = policy.forbiddenPatterns().stream().map(policy::matcherFor).toList();
        this.ignored = policy.ignore().stream().map(policy::matcherFor).toList();
    }

    public StructurePolicy policy() {
        return policy;
    }

    /**
     * Checks {@code root}.
     *
     * @throws PolicyException if the root is missing, not a directory or cannot be listed
     */
    public StructureReport check(Path root) throws PolicyException {
        Path dir = root.toAbsolutePath().normalize();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new PolicyException("root directory " + dir + " does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new PolicyException("root directory " + dir + " is not a directory");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> expected = new HashSet<>(policy.expectedModules());
        Set<String> presentModules = new HashSet<>();
        int modulesFound = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Path namePath = entry.getFileName();
                if (matchesAny(ignored, namePath)) {
                    continue;
                }
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (expected.contains(name)) {
                    presentModules.add(name);
                }
                if (attrs.isSymbolicLink()) {
                    violations.add(new Violation(ViolationKind.SYMBOLIC_LINK, name,
                            "symbolic link at the root (not followed)",
                            "replace it with a real " + (expected.contains(name) ? "directory" : "file or directory")
                                    + ", or remove it"));
                    continue;
                }
                Optional<String> forbiddenBy = firstMatch(namePath);
                if (forbiddenBy.isPresent()) {
                    violations.add(new Violation(ViolationKind.FORBIDDEN_FILE, display(name, attrs),
                            "matches forbidden pattern '" + forbiddenBy.get() + "'",
                            "delete it from the root, or move it into a module"));
                    continue;
                }
                if (expected.contains(name)) {
                    if (attrs.isDirectory()) {
                        modulesFound++;
                        checkModuleEntries(entry, name, violations);
                    } else {
                        violations.add(new Violation(ViolationKind.MODULE_NOT_DIRECTORY, name,
                                "locked module is a file, not a directory",
                                "replace the file " + name + " with a directory"));
                    }
                } else if (attrs.isDirectory()) {
                    classifyDirectory(name, violations);
                } else if (!policy.allowedFiles().contains(name)) {
                    violations.add(new Violation(ViolationKind.UNAUTHORISED_FILE, name,
                            "file is not allowed at the root",
                            "move it into a module, or add it to allowedFiles"));
                }
            }
        } catch (IOException e) {
            throw new PolicyException("root directory " + dir + " cannot be listed (" + e.getClass().getSimpleName() + ")");
        }
        for (String module : policy.expectedModules()) {
            if (!presentModules.contains(module) && !matchesAny(ignored, Path.of(module))) {
                violations.add(new Violation(ViolationKind.MISSING_MODULE, module + "/",
                        "locked module is missing", "create the directory " + module + "/"));
            }
        }
        return new StructureReport(dir, modulesFound, policy.expectedModules().size(), violations);
    }

    private void classifyDirectory(String name, List<Violation> violations) {
        if (policy.modulePattern().matcher(name).matches()) {
            violations.add(new Violation(ViolationKind.UNLOCKED_MODULE, name + "/",
                    "directory matches the module pattern but is not a locked module",
                    "move its content into a locked module and remove it, or add it to expectedModules"));
        } else if (!policy.allowedDirectories().contains(name)) {
            violations.add(new Violation(ViolationKind.UNAUTHORISED_DIRECTORY, name + "/",
                    "directory is not allowed at the root",
                    "move it into a module, or add it to allowedDirectories"));
        }
    }

    private void checkModuleEntries(Path module, String moduleName, List<Violation> violations) {
        for (String required : policy.requiredModuleEntries()) {
            boolean wantsDirectory = required.endsWith("/");
            String relative = wantsDirectory ? required.substring(0, required.length() - 1) : required;
            Path target = module.resolve(relative);
            // NOFOLLOW: a link does not satisfy a requirement, and is never followed out of the root.
            boolean ok = wantsDirectory
                    ? Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                    : Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
            if (!ok) {
                String path = moduleName + "/" + relative + (wantsDirectory ? "/" : "");
                String problem;
                if (Files.isSymbolicLink(target)) {
                    problem = "required " + (wantsDirectory ? "directory" : "file") + " is a symbolic link (not followed)";
                } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    problem = "required " + (wantsDirectory ? "directory is a file" : "file is a directory");
                } else {
                    problem = "required " + (wantsDirectory ? "directory" : "file") + " is missing";
                }
                violations.add(new Violation(ViolationKind.MISSING_MODULE_ENTRY, path, problem,
                        "create the " + (wantsDirectory ? "directory " : "file ") + path));
            }
        }
    }

    private Optional<String> firstMatch(Path name) {
        for (int i = 0; i < forbidden.size(); i++) {
            if (forbidden.get(i).matches(name)) {
                return Optional.of(policy.forbiddenPatterns().get(i));
            }
        }
        return Optional.empty();
    }

    private static boolean matchesAny(List<PathMatcher> matchers, Path name) {
        for (PathMatcher m : matchers) {
            if (m.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static String display(String name, BasicFileAttributes attrs) {
        return attrs.isDirectory() ? name + "/" : name;
    }
}
