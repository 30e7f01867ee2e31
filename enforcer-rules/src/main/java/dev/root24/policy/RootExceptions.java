package dev.root24.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The root entries a repository allows besides its locked modules, as read from the seed's
 * {@code root_level_exceptions.yaml} layout:
 *
 * <pre>
 * root_level_exceptions:
 *   allowed_directories:
 *     git: [.git, .github]
 *   allowed_files:
 *     config:
 *       build: [pom.xml]     # groups may nest
 * </pre>
 *
 * Every string in those lists is allowed; a trailing {@code /} is ignored.
 */
public record RootExceptions(Set<String> files, Set<String> directories) {

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("root_level_exceptions", "version", "description", "metadata");
    private static final Set<String> SECTION_KEYS = Set.of("allowed_directories", "allowed_files", "description");

    public RootExceptions {
        files = Set.copyOf(files);
        directories = Set.copyOf(directories);
    }

    public static RootExceptions none() {
        return new RootExceptions(Set.of(), Set.of());
    }

    /** Loads and validates an exceptions file; {@code displayName} names it in messages. */
    public static RootExceptions load(Path file, String displayName) throws PolicyException {
        YamlNode document = new YamlReader().read(file, displayName);
        if (!(document instanceof YamlNode.Mapping top)) {
            throw PolicyException.at(displayName, document.line(),
                    "expected a map with key 'root_level_exceptions', found " + document.kind());
        }
        checkKeys(top, TOP_LEVEL_KEYS, "", displayName);
        YamlNode section = top.get("root_level_exceptions");
        if (section == null) {
            throw PolicyException.at(displayName, top.line(), "missing key 'root_level_exceptions'");
        }
        if (!(section instanceof YamlNode.Mapping sectionMap)) {
            throw PolicyException.at(displayName, section.line(),
                    "root_level_exceptions must be a map, found " + section.kind());
        }
        checkKeys(sectionMap, SECTION_KEYS, "root_level_exceptions.", displayName);
        Set<String> dirs = new TreeSet<>();
        Set<String> files = new TreeSet<>();
        collect(sectionMap.get("allowed_directories"), "root_level_exceptions.allowed_directories", displayName, dirs);
        collect(sectionMap.get("allowed_files"), "root_level_exceptions.allowed_files", displayName, files);
        return new RootExceptions(files, dirs);
    }

    private static void checkKeys(YamlNode.Mapping map, Set<String> allowed, String prefix, String file)
            throws PolicyException {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw PolicyException.at(file, map.lineOf(key), "unknown key '" + prefix + key
                        + "' (expected one of " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static void collect(YamlNode node, String path, String file, Set<String> into) throws PolicyException {
        if (node == null || node instanceof YamlNode.Scalar scalar && scalar.value() == null) {
            return;
        }
        if (node instanceof YamlNode.Mapping map) {
            for (Map.Entry<String, YamlNode> group : map.entries().entrySet()) {
                collect(group.getValue(), path + "." + group.getKey(), file, into);
            }
        } else if (node instanceof YamlNode.Sequence list) {
            List<YamlNode> items = new ArrayList<>(list.items());
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                if (!(item instanceof YamlNode.Scalar scalar) || !scalar.isString() || scalar.text().isBlank()) {
                    throw PolicyException.at(file, item.line(),
                            path + "[" + i + "] must be a file or directory name, found " + item.kind());
                }
                into.add(normalise(scalar.text()));
            }
        } else {
            throw PolicyException.at(file, node.line(),
                    path + " must be a list of names or a map of named groups, found " + node.kind());
        }
    }

    private static String normalise(String name) {
        String n = name.strip();
        while (n.endsWith("/") && n.length() > 1) {
            n = n.substring(0, n.length() - 1);
        }
        return n.startsWith("./") ? n.substring(2) : n;
    }
}
