package dev.root24.rego;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The package-naming convention: a file of module {@code NN_layer} declares a package starting
 * with {@code <prefix>.<layer>}; a file no module claims needs only the prefix.
 *
 * @param prefix the required first segments, e.g. {@code ssid}; empty for none
 * @param layerSource where a file's module is read from
 * @param mapping the locked modules
 */
public record PackageNaming(String prefix, LayerSource layerSource, LayerMapping mapping) {

    /** The module {@code relativeFile} belongs to, if any. */
    public Optional<String> moduleOf(Path relativeFile) {
        return switch (layerSource) {
            case FILE_NAME -> mapping.moduleFromFileName(relativeFile.getFileName().toString());
            case DIRECTORY -> mapping.moduleFromDirectory(relativeFile);
        };
    }

    /** The package path a file of {@code module} must start with. */
    public String expected(Optional<String> module) {
        if (module.isEmpty()) {
            return prefix;
        }
        String layer = LayerMapping.layerOf(module.get());
        return prefix.isEmpty() ? layer : prefix + "." + layer;
    }

    /** Whether {@code path} is {@code expected} or lies below it. */
    public static boolean conforms(String path, String expected) {
        return expected.isEmpty() || path.equals(expected) || path.startsWith(expected + ".")
                || path.startsWith(expected + "[");
    }

    /**
     * The mechanical fix for a misnamed package: the segment naming a module (after the prefix,
     * or first when the prefix is missing) becomes {@code <prefix>.<layer>}, everything else
     * stays: {@code ssid.01ailayer.v6_0} → {@code ssid.ai_layer.v6_0}. Empty when no segment
     * names a module: renaming that would be a guess.
     */
    public Optional<String> rewrite(String path, Optional<String> module) {
        if (module.isEmpty()) {
            return Optional.empty();
        }
        List<String> segments = segments(path);
        List<String> prefixSegments = prefix.isEmpty() ? List.of() : List.of(prefix.split("\\."));
        String layerPath = expected(module);
        int at;
        if (segments.size() > prefixSegments.size() && segments.subList(0, prefixSegments.size()).equals(prefixSegments)) {
            at = prefixSegments.size();
            layerPath = LayerMapping.layerOf(module.get());
        } else {
            at = 0;
        }
        String segment = segments.get(at);
        int word = leadingWord(segment);
        if (mapping.moduleNamedBy(segment.substring(0, word)).isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(segments.subList(0, at));
        out.add(layerPath + segment.substring(word));
        out.addAll(segments.subList(at + 1, segments.size()));
        String rewritten = String.join(".", out);
        return rewritten.equals(path) ? Optional.empty() : Optional.of(rewritten);
    }

    private static int leadingWord(String segment) {
        int i = 0;
        while (i < segment.length() && (Character.isLetterOrDigit(segment.charAt(i)) || segment.charAt(i) == '_')) {
            i++;
        }
        return i;
    }

    /** Splits at dots outside brackets and strings. */
    static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '.' && depth == 0) {
                parts.add(path.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(path.substring(from).strip());
        return parts;
    }
}
