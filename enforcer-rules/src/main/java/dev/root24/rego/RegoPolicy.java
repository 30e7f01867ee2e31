package dev.root24.rego;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.regex.Pattern;

import dev.root24.policy.PolicyException;
import dev.root24.structure.StructurePolicy;

/**
 * What the {@code regoPackages} check and the {@code rego-migrate} goal look at and require.
 * Build it with {@link #builder()}, which validates every value and starts from the defaults.
 *
 * @param directories repository-relative directories to scan
 * @param defaultDirectories whether {@code directories} are the defaults (missing ones are then skipped, not errors)
 * @param naming the package-naming convention
 * @param excludes globs of repository-relative paths left alone
 * @param v1Syntax what to do with pre-1.0 syntax
 */
public record RegoPolicy(List<String> directories, boolean defaultDirectories, PackageNaming naming,
        List<String> excludes, V1Syntax v1Syntax) {

    public static final String DEFAULT_PREFIX = "ssid";

    /**
     * The configuration value for "no prefix": Maven turns an empty {@code <prefix/>} into
     * "not configured", which would silently keep the default.
     */
    public static final String NO_PREFIX = "none";

    /** A Rego reference made of plain identifiers, e.g. {@code ssid} or {@code org.policies}. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    public RegoPolicy {
        directories = List.copyOf(directories);
        excludes = List.copyOf(excludes);
    }

    public List<PathMatcher> excludeMatchers() {
        return excludes.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    /** A stable rendering of every setting, for the enforcer cache id. */
    public String fingerprint() {
        return String.join("|", String.join(",", directories), naming.prefix(), naming.layerSource().name(),
                String.join(",", naming.mapping().modules()), String.join(",", excludes), v1Syntax.name());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; unset ones keep their defaults. */
    public static final class Builder {
        private List<String> modules = StructurePolicy.DEFAULT_MODULES;
        private List<String> directories;
        private String prefix = DEFAULT_PREFIX;
        private LayerSource layerSource = LayerSource.FILE_NAME;
        private List<String> excludes = List.of();
        private V1Syntax v1Syntax = V1Syntax.WARN;

        private Builder() {}

        /** The locked modules; default {@link StructurePolicy#DEFAULT_MODULES}. */
        public Builder modules(List<String> value) {
            this.modules = List.copyOf(value);
            return this;
        }

        /** Directories to scan; default every locked module. */
        public Builder directories(List<String> value) {
            this.directories = List.copyOf(value);
            return this;
        }

        /** The required first segment(s); {@link #NO_PREFIX} or empty for none. */
        public Builder prefix(String value) {
            String v = value.strip();
            this.prefix = v.equalsIgnoreCase(NO_PREFIX) ? "" : v;
            return this;
        }

        public Builder layerSource(LayerSource value) {
            this.layerSource = value;
            return this;
        }

        public Builder excludes(List<String> value) {
            this.excludes = List.copyOf(value);
            return this;
        }

        public Builder v1Syntax(V1Syntax value) {
            this.v1Syntax = value;
            return this;
        }

        public RegoPolicy build() throws PolicyException {
            if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
                throw new PolicyException("prefix '" + prefix + "' is not a Rego reference of plain names (e.g. ssid)");
            }
            for (String module : modules) {
                if (module == null || module.isBlank() || module.contains("/") || module.contains("\\")) {
                    throw new PolicyException("module '" + module + "' is not a directory name");
                }
            }
            for (String glob : excludes) {
                try {
                    FileSystems.getDefault().getPathMatcher("glob:" + glob);
                } catch (IllegalArgumentException e) {
                    throw new PolicyException("excludes: '" + glob + "' is not a valid glob pattern");
                }
            }
            boolean defaults = directories == null || directories.isEmpty();
            List<String> dirs = defaults ? modules : directories;
            for (String dir : dirs) {
                if (dir == null || dir.isBlank()) {
                    throw new PolicyException("directories: an entry is empty");
                }
            }
            return new RegoPolicy(dirs, defaults, new PackageNaming(prefix, layerSource, new LayerMapping(modules)),
                    excludes, v1Syntax);
        }
    }
}
