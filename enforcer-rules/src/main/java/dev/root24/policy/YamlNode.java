package dev.root24.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers the line it started on, so that errors in
 * policy files can name the exact place. Built by {@link YamlReader} from Jackson's token stream.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** 1-based line where the node starts. */
    int line();

    /** What the node is, in words for error messages ("a map", "a list", "a string"). */
    String kind();

    /** A mapping; iteration order is document order. {@code keyLines} holds the line of each key. */
    record Mapping(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        public YamlNode get(String key) {
            return entries.get(key);
        }

        public int lineOf(String key) {
            return keyLines.getOrDefault(key, line);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** A sequence, in document order. */
    record Sequence(int line, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@code value} is a {@link String}, a {@link Number}, a {@link Boolean} or
     * {@code null} (YAML null or an empty value).
     */
    record Scalar(int line, Object value) implements YamlNode {
        public boolean isString() {
            return value instanceof String;
        }

        /** The scalar as text, whatever its YAML type ({@code ""} for null). */
        public String text() {
            return value == null ? "" : value.toString();
        }

        @Override
        public String kind() {
            if (value == null) {
                return "empty";
            }
            if (value instanceof String) {
                return "a string";
            }
            return value instanceof Boolean ? "a boolean" : "a number";
        }
    }
}
