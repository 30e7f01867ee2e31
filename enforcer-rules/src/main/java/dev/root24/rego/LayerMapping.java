package dev.root24.rego;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which locked module a Rego file belongs to, and the package layer of each module: the module
 * name without its {@code NN_} prefix ({@code 01_ai_layer} → {@code ai_layer}).
 *
 * <p>Module names appear in two spellings in the seed repository: the full one
 * ({@code 01_ai_layer}) and a squashed one without underscores ({@code 01ailayer}), used in file
 * names and in the package names that had to be rewritten. Both are recognised.
 */
public final class LayerMapping {

    private static final Pattern NUMBER_PREFIX = Pattern.compile("^[0-9]+_");

    private final List<String> modules;
    private final List<String> longestFirst;

    public LayerMapping(List<String> modules) {
        this.modules = List.copyOf(modules);
        this.longestFirst = modules.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    public List<String> modules() {
        return modules;
    }

    /** {@code 21_post_quantum_crypto} → {@code post_quantum_crypto}. */
    public static String layerOf(String module) {
        return NUMBER_PREFIX.matcher(module).replaceFirst("");
    }

    /** {@code 21_post_quantum_crypto} → {@code 21postquantumcrypto}. */
    public static String squashed(String module) {
        return module.replace("_", "");
    }

    /**
     * The module a file name starts with, in either spelling, followed by {@code _}, {@code .}
     * or nothing: {@code 01ailayer_policy_v6_0.rego} and {@code 01_ai_layer.rego} → {@code 01_ai_layer}.
     */
    public Optional<String> moduleFromFileName(String fileName) {
        for (String module : longestFirst) {
            if (startsWithName(fileName, module) || startsWithName(fileName, squashed(module))) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    private static boolean startsWithName(String fileName, String name) {
        if (!fileName.startsWith(name)) {
            return false;
        }
        if (fileName.length() == name.length()) {
            return true;
        }
        char next = fileName.charAt(name.length());
        return next == '_' || next == '.';
    }

    /** The nearest enclosing directory named exactly after a module: {@code policies/01_ai_layer/x.rego}. */
    public Optional<String> moduleFromDirectory(Path relativeFile) {
        for (Path dir = relativeFile.getParent(); dir != null; dir = dir.getParent()) {
            String name = dir.getFileName().toString();
            if (modules.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The module a package segment names: its full name, squashed name, or layer. */
    public Optional<String> moduleNamedBy(String segment) {
        for (String module : longestFirst) {
            if (segment.equals(module) || segment.equals(squashed(module)) || segment.equals(layerOf(module))) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }
}
