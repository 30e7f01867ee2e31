package dev.root24.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The seed's {@code 23_compliance/policies/structure_policy.yaml}, read unchanged: {@code version},
 * {@code root_24_lock} (the locked modules) and {@code module_pattern}. {@code root_24_lock} may be
 * a list of module names, a map holding that list under {@code modules},
 * {@code required_modules} or {@code locked_modules}, or a map keyed by the module names. Other
 * top-level keys of the seed file carry data this product does not use and are left alone.
 *
 * @param modules the locked modules, in file order (empty if the file names none)
 * @param modulePattern the module pattern, or null if the file has none
 */
public record SeedStructurePolicy(List<String> modules, String modulePattern) {

    private static final List<String> LIST_KEYS = List.of("modules", "required_modules", "locked_modules");

    public SeedStructurePolicy {
        modules = List.copyOf(modules);
    }

    public static SeedStructurePolicy load(Path file, String displayName) throws PolicyException {
        YamlNode document = new YamlReader().read(file, displayName);
        if (!(document instanceof YamlNode.Mapping top)) {
            throw PolicyException.at(displayName, document.line(), "expected a map with 'root_24_lock', found " + document.kind());
        }
        if (top.get("root_24_lock") == null && top.get("module_pattern") == null) {
            throw PolicyException.at(displayName, top.line(), "has neither 'root_24_lock' nor 'module_pattern'");
        }
        String pattern = null;
        YamlNode patternNode = top.get("module_pattern");
        if (patternNode != null) {
            if (!(patternNode instanceof YamlNode.Scalar scalar) || !scalar.isString()) {
                throw PolicyException.at(displayName, top.lineOf("module_pattern"), "module_pattern must be a string, found " + patternNode.kind());
            }
            pattern = scalar.text();
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw PolicyException.at(displayName, top.lineOf("module_pattern"),
                        "module_pattern is not a valid regular expression: " + e.getDescription());
            }
        }
        List<String> modules = new ArrayList<>();
        YamlNode lock = top.get("root_24_lock");
        if (lock != null) {
            collectModules(lock, displayName, modules);
        }
        return new SeedStructurePolicy(modules, pattern);
    }

    private static void collectModules(YamlNode lock, String file, List<String> into) throws PolicyException {
        if (lock instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Scalar scalar) || !scalar.isString()) {
                    throw PolicyException.at(file, item.line(), "root_24_lock entries must be module names, found " + item.kind());
                }
                into.add(scalar.text());
            }
            return;
        }
        if (lock instanceof YamlNode.Mapping map) {
            for (String key : LIST_KEYS) {
                if (map.get(key) instanceof YamlNode.Sequence list) {
                    collectModules(list, file, into);
                    return;
                }
            }
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                if (!e.getKey().matches("^[0-9]{2}_.+$")) {
                    throw PolicyException.at(file, map.lineOf(e.getKey()),
                            "root_24_lock: expected a list of modules (or 'modules:'), found key '" + e.getKey() + "'");
                }
                into.add(e.getKey());
            }
            return;
        }
        throw PolicyException.at(file, lock.line(), "root_24_lock must be a list or a map of modules, found " + lock.kind());
    }
}
