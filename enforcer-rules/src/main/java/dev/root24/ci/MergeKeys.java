package dev.root24.ci;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.root24.policy.YamlNode;

/**
 * YAML merge keys ({@code <<: *tpl}, {@code <<: [*a, *b]}) as the reader leaves them: an entry
 * named {@code <<}. GitLab and pre-commit (PyYAML) merge them; GitHub Actions accepts anchors
 * but refuses a merge key, so a workflow holding one never runs.
 *
 * <p>Aliases share nodes, so both walks remember the nodes already done: a shared template is
 * resolved once, however often it is used (its size was bounded when the aliases were read).
 */
final class MergeKeys {

    static final String KEY = "<<";

    private MergeKeys() {}

    /** The line of the first merge key in the document, or 0 when it has none. */
    static int firstLine(YamlNode document) {
        return firstLine(document, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static int firstLine(YamlNode node, Set<YamlNode> seen) {
        if (!seen.add(node)) {
            return 0;
        }
        if (node instanceof YamlNode.Mapping map) {
            if (map.get(KEY) != null) {
                return map.lineOf(KEY);
            }
            for (YamlNode value : map.entries().values()) {
                int line = firstLine(value, seen);
                if (line > 0) {
                    return line;
                }
            }
        } else if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                int line = firstLine(item, seen);
                if (line > 0) {
                    return line;
                }
            }
        }
        return 0;
    }

    /**
     * The document with every merge key applied: the map's own keys first win, then the merged
     * maps in order (YAML's merge type). Merged entries keep their own lines.
     *
     * @throws InvalidCiFile when a merge key holds something other than a map or a list of maps
     */
    static YamlNode resolve(YamlNode document, String describe) throws InvalidCiFile {
        return resolve(document, describe, new IdentityHashMap<>());
    }

    private static YamlNode resolve(YamlNode node, String describe, Map<YamlNode, YamlNode> done) throws InvalidCiFile {
        YamlNode known = done.get(node);
        if (known != null) {
            return known;
        }
        YamlNode result = node;
        if (node instanceof YamlNode.Mapping map) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                if (!e.getKey().equals(KEY)) {
                    entries.put(e.getKey(), resolve(e.getValue(), describe, done));
                    lines.put(e.getKey(), map.lineOf(e.getKey()));
                }
            }
            YamlNode merged = map.get(KEY);
            if (merged != null) {
                List<YamlNode> sources = merged instanceof YamlNode.Sequence list ? list.items() : List.of(merged);
                for (YamlNode source : sources) {
                    if (!(resolve(source, describe, done) instanceof YamlNode.Mapping from)) {
                        throw new InvalidCiFile(map.lineOf(KEY), "invalid " + describe + ": a merge key (<<) holds something other than a map");
                    }
                    for (Map.Entry<String, YamlNode> e : from.entries().entrySet()) {
                        if (!entries.containsKey(e.getKey())) {
                            entries.put(e.getKey(), e.getValue());
                            lines.put(e.getKey(), from.lineOf(e.getKey()));
                        }
                    }
                }
            }
            result = new YamlNode.Mapping(map.line(), entries, lines);
        } else if (node instanceof YamlNode.Sequence list) {
            List<YamlNode> items = new java.util.ArrayList<>(list.items().size());
            for (YamlNode item : list.items()) {
                items.add(resolve(item, describe, done));
            }
            result = new YamlNode.Sequence(list.line(), items);
        }
        done.put(node, result);
        return result;
    }
}
