package dev.root24.structure;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.RootExceptions;
import dev.root24.policy.SeedStructurePolicy;

/**
 * What the ROOT-24-LOCK requires of a repository root. Immutable; build it with
 * {@link #builder()}, which validates every value and starts from the defaults.
 *
 * @param expectedModules the exact set of locked module directories
 * @param modulePattern a directory matching it that is not locked is reported as an extra module
 * @param allowedFiles other regular files allowed at the root (exact names)
 * @param allowedDirectories other directories allowed at the root (exact names)
 * @param forbiddenPatterns globs of root entries that are never allowed (they win over the allow-lists)
 * @param requiredModuleEntries entries every locked module must contain; a trailing {@code /} means a directory
 * @param ignore globs of root entries the check does not look at
 */
public record StructurePolicy(
        List<String> expectedModules,
        Pattern modulePattern,
        Set<String> allowedFiles,
        Set<String> allowedDirectories,
        List<String> forbiddenPatterns,
        List<String> requiredModuleEntries,
        List<String> ignore) {

    /** The 24 locked modules of the ROOT-24-LOCK, in order. */
    public static final List<String> DEFAULT_MODULES = List.of(
            "01_ai_layer", "02_audit_logging", "03_core", "04_deployment", "05_documentation",
            "06_data_pipeline", "07_governance_legal", "08_identity_score", "09_meta_identity",
            "10_interoperability", "11_test_simulation", "12_tooling", "13_ui_layer", "14_zero_time_auth",
            "15_infra", "16_codex", "17_observability", "18_data_layer", "19_adapters", "20_foundation",
            "21_post_quantum_crypto", "22_datasets", "23_compliance", "24_meta_orchestration");

    public static final String DEFAULT_MODULE_PATTERN = "^[0-9]{2}_.+$";

    /** What a Maven repository needs at its root. {@code .git} is a file in worktrees and submodules. */
    public static final Set<String> MAVEN_FILES = Set.of(
            "pom.xml", "mvnw", "mvnw.cmd", ".git", ".gitignore", ".gitattributes", "LICENSE", "README.md");

    public static final Set<String> MAVEN_DIRECTORIES = Set.of(".mvn", "target", ".git", ".github");

    public static final List<String> DEFAULT_FORBIDDEN_PATTERNS = List.of(
            "*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.7z", "*.rar", ".coverage");

    public StructurePolicy {
        expectedModules = List.copyOf(expectedModules);
        allowedFiles = Set.copyOf(allowedFiles);
        allowedDirectories = Set.copyOf(allowedDirectories);
        forbiddenPatterns = List.copyOf(forbiddenPatterns);
        requiredModuleEntries = List.copyOf(requiredModuleEntries);
        ignore = List.copyOf(ignore);
    }

    public static StructurePolicy defaults() {
        try {
            return builder().build();
        } catch (PolicyException e) {
            throw new IllegalStateException("built-in defaults are invalid", e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy a {@code structure:} section describes (null: all defaults). Its
     * {@code exceptionsFile} and {@code structurePolicyFile} are read from inside {@code root};
     * explicit {@code expectedModules}/{@code modulePattern} win over the seed structure file.
     */
    public static StructurePolicy from(PolicyDocument.Structure section, RepositoryRoot root) throws PolicyException {
        Builder builder = builder();
        if (section == null) {
            return builder.build();
        }
        if (section.structurePolicyFile() != null) {
            Path file = root.resolve(section.structurePolicyFile(), "structurePolicyFile");
            SeedStructurePolicy seed = SeedStructurePolicy.load(file, section.structurePolicyFile());
            if (!seed.modules().isEmpty()) {
                builder.expectedModules(seed.modules());
            }
            if (seed.modulePattern() != null) {
                builder.modulePattern(seed.modulePattern());
            }
        }
        if (section.expectedModules() != null && !section.expectedModules().isEmpty()) {
            builder.expectedModules(section.expectedModules());
        }
        if (section.modulePattern() != null) {
            builder.modulePattern(section.modulePattern());
        }
        if (section.mavenDefaults() != null) {
            builder.mavenDefaults(section.mavenDefaults());
        }
        if (section.allowedFiles() != null) {
            builder.allowFiles(section.allowedFiles());
        }
        if (section.allowedDirectories() != null) {
            builder.allowDirectories(section.allowedDirectories());
        }
        if (section.forbiddenPatterns() != null) {
            builder.forbiddenPatterns(section.forbiddenPatterns());
        }
        if (section.requiredModuleEntries() != null) {
            builder.requiredModuleEntries(section.requiredModuleEntries());
        }
        if (section.ignore() != null) {
            builder.ignore(section.ignore());
        }
        if (section.exceptionsFile() != null) {
            Path file = root.resolve(section.exceptionsFile(), "exceptionsFile");
            builder.allow(RootExceptions.load(file, section.exceptionsFile()));
        }
        return builder.build();
    }

    PathMatcher matcherFor(String glob) {
        return FileSystems.getDefault().getPathMatcher("glob:" + glob);
    }

    /** A stable, human-readable rendering of every setting, used for the enforcer cache id. */
    public String fingerprint() {
        return String.join("|",
                String.join(",", expectedModules),
                modulePattern.pattern(),
                String.join(",", new TreeSet<>(allowedFiles)),
                String.join(",", new TreeSet<>(allowedDirectories)),
                String.join(",", forbiddenPatterns),
                String.join(",", requiredModuleEntries),
                String.join(",", ignore));
    }

    /** Collects settings; unset ones keep their defaults. */
    public static final class Builder {
        private List<String> expectedModules = DEFAULT_MODULES;
        private String modulePattern = DEFAULT_MODULE_PATTERN;
        private boolean mavenDefaults = true;
        private final Set<String> allowedFiles = new LinkedHashSet<>();
        private final Set<String> allowedDirectories = new LinkedHashSet<>();
        private List<String> forbiddenPatterns = DEFAULT_FORBIDDEN_PATTERNS;
        private List<String> requiredModuleEntries = List.of();
        private List<String> ignore = List.of();

        private Builder() {}

        public Builder expectedModules(List<String> modules) {
            this.expectedModules = List.copyOf(modules);
            return this;
        }

        public Builder modulePattern(String regex) {
            this.modulePattern = regex;
            return this;
        }

        /** Whether the Maven allow-list ({@link #MAVEN_FILES}, {@link #MAVEN_DIRECTORIES}) applies. */
        public Builder mavenDefaults(boolean enabled) {
            this.mavenDefaults = enabled;
            return this;
        }

        public Builder allowFiles(List<String> names) {
            names.forEach(n -> allowedFiles.add(trimSlash(n)));
            return this;
        }

        public Builder allowDirectories(List<String> names) {
            names.forEach(n -> allowedDirectories.add(trimSlash(n)));
            return this;
        }

        public Builder allow(RootExceptions exceptions) {
            allowedFiles.addAll(exceptions.files());
            allowedDirectories.addAll(exceptions.directories());
            return this;
        }

        public Builder forbiddenPatterns(List<String> globs) {
            this.forbiddenPatterns = List.copyOf(globs);
            return this;
        }

        public Builder requiredModuleEntries(List<String> entries) {
            this.requiredModuleEntries = List.copyOf(entries);
            return this;
        }

        public Builder ignore(List<String> globs) {
            this.ignore = List.copyOf(globs);
            return this;
        }

        public StructurePolicy build() throws PolicyException {
            Pattern pattern;
            try {
                pattern = Pattern.compile(modulePattern);
            } catch (PatternSyntaxException e) {
                throw new PolicyException("modulePattern '" + modulePattern + "' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
            Set<String> seen = new TreeSet<>();
            for (String module : expectedModules) {
                if (module == null || module.isBlank() || module.contains("/") || module.contains("\\")
                        || module.equals(".") || module.equals("..")) {
                    throw new PolicyException("expectedModules: '" + module + "' is not a directory name");
                }
                if (!seen.add(module)) {
                    throw new PolicyException("expectedModules: '" + module + "' is listed twice");
                }
            }
            for (String entry : requiredModuleEntries) {
                checkRelative(entry, "requiredModuleEntries");
            }
            List<String> globs = new ArrayList<>(forbiddenPatterns);
            globs.addAll(ignore);
            for (String glob : globs) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    throw new PolicyException("'" + glob + "' is not a valid glob pattern");
                }
            }
            Set<String> files = new TreeSet<>(allowedFiles);
            Set<String> dirs = new TreeSet<>(allowedDirectories);
            if (mavenDefaults) {
                files.addAll(MAVEN_FILES);
                dirs.addAll(MAVEN_DIRECTORIES);
            }
            return new StructurePolicy(expectedModules, pattern, files, dirs, forbiddenPatterns, requiredModuleEntries, ignore);
        }

        private static void checkRelative(String entry, String what) throws PolicyException {
            if (entry == null || entry.isBlank()) {
                throw new PolicyException(what + ": an entry is empty");
            }
            String plain = trimSlash(entry);
            Path path;
            try {
                path = Path.of(plain);
            } catch (RuntimeException e) {
                throw new PolicyException(what + ": '" + entry + "' is not a valid path");
            }
            if (path.isAbsolute() || plain.startsWith("/")) {
                throw new PolicyException(what + ": '" + entry + "' must be relative to the module");
            }
            for (Path part : path) {
                if (part.toString().equals("..")) {
                    throw new PolicyException(what + ": '" + entry + "' must stay inside the module");
                }
            }
        }

        private static String trimSlash(String name) {
            String n = name.strip();
            while (n.length() > 1 && n.endsWith("/")) {
                n = n.substring(0, n.length() - 1);
            }
            return n;
        }
    }
}
