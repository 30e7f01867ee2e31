package dev.root24.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each check is declared in the POM ({@code <id>opa_eval</id>} inside {@code <checks>}), so
 * that a failed check without a file of its own can point at its configuration.
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
}
