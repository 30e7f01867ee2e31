package dev.root24.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are declared in the POM: each check ({@code <id>opa_eval</id>} inside
 * {@code <checks>}) and an element such as a rule's {@code <root24Lock>}, so that a finding
 * without a file of its own can point at its configuration. A plain text search: the POM is
 * Maven's and already parsed by it; only the line is wanted here.
 */
public final class DeclarationLines {

    private DeclarationLines() {}

    /** Check id to 1-based line; ids not found are absent. An unreadable POM gives an empty map. */
    public static Map<String, Integer> find(Path pom, List<String> ids) {
        Map<String, Integer> lines = new HashMap<>();
        List<String> text;
        try {
            text = Files.readAllLines(pom, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return lines;
        }
        boolean inChecks = false;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i);
            if (line.contains("<checks>")) {
                inChecks = true;
            }
            if (inChecks) {
                for (String id : ids) {
                    if (!lines.containsKey(id) && line.contains("<id>" + id + "</id>")) {
                        lines.put(id, i + 1);
                    }
                }
            }
            if (line.contains("</checks>")) {
                inChecks = false;
            }
        }
        return lines;
    }

    /**
     * The 1-based line of the first start tag {@code <element>} (or {@code <element attr=...>}), 0
     * when there is none or the POM cannot be read.
     */
    public static int element(Path pom, String element) {
        return first(pom, java.util.regex.Pattern.compile("<" + java.util.regex.Pattern.quote(element) + "[\\s>/]"));
    }

    /** The 1-based line of the first line containing {@code text}, 0 when there is none or the POM cannot be read. */
    public static int containing(Path pom, String text) {
        return first(pom, java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(text)));
    }

    private static int first(Path pom, java.util.regex.Pattern pattern) {
        try {
            List<String> text = Files.readAllLines(pom, StandardCharsets.UTF_8);
            for (int i = 0; i < text.size(); i++) {
                if (pattern.matcher(text.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // An unreadable POM has no line to offer; the file alone is still a place.
        }
        return 0;
    }
}
