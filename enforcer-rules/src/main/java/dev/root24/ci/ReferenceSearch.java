package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * The search for several tools in one referencing file, fed fragment by fragment so that a file
 * is read once whatever the number of tools that expect it to run them.
 */
final class ReferenceSearch {

    private final String file;
    private final List<ToolPattern> patterns;
    private final int[] foundLine;
    private final String[] foundWhere;
    private final int[] ignoredLine;
    private final String[] ignoredWhy;
    private int remaining;

    ReferenceSearch(String file, List<ToolPattern> patterns) {
        this.file = file;
        this.patterns = List.copyOf(patterns);
        int n = patterns.size();
        this.foundLine = new int[n];
        this.foundWhere = new String[n];
        this.ignoredLine = new int[n];
        this.ignoredWhy = new String[n];
        this.remaining = n;
    }

    /** Looks for every tool not yet found in the fragment. */
    void accept(Fragment fragment) {
        for (int i = 0; i < patterns.size(); i++) {
            if (foundWhere[i] != null) {
                continue;
            }
            if (fragment.runs()) {
                int at = patterns.get(i).find(fragment.text());
                if (at < 0) {
                    continue;
                }
                String masked = fragment.failure().notFailing(at);
                if (masked == null) {
                    foundLine[i] = fragment.line();
                    foundWhere[i] = fragment.countsBecause() == null ? fragment.where()
                            : fragment.where() + ": " + fragment.countsBecause();
                    remaining--;
                } else if (ignoredWhy[i] == null) {
                    ignoredLine[i] = fragment.line();
                    ignoredWhy[i] = masked + " (" + fragment.where() + ")";
                }
            } else if (ignoredWhy[i] == null && patterns.get(i).matches(fragment.text())) {
                ignoredLine[i] = fragment.line();
                ignoredWhy[i] = fragment.ignoredBecause();
            }
        }
    }

    /** Whether every tool has been found, so reading further cannot change anything. */
    boolean complete() {
        return remaining == 0;
    }

    /** Whether the tool has been found or was at least mentioned (in a place that does not run). */
    boolean seen(int tool) {
        return foundWhere[tool] != null || ignoredWhy[tool] != null;
    }

    /** Records a mention found outside the parsed structure, e.g. in a YAML comment. */
    void mentionedElsewhere(int tool, int line, String because) {
        if (!seen(tool)) {
            ignoredLine[tool] = line;
            ignoredWhy[tool] = because;
        }
    }

    List<ToolPattern> patterns() {
        return patterns;
    }

    /** One result per tool, in the order of the patterns. */
    List<ReferenceResult> results() {
        List<ReferenceResult> results = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            if (foundWhere[i] != null) {
                results.add(new ReferenceResult(file, ReferenceStatus.FOUND, foundLine[i], foundWhere[i]));
            } else if (ignoredWhy[i] != null) {
                // The mention's line, so code scanning shows the result where the tool is named but not run.
                results.add(new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, ignoredLine[i],
                        "mentioned on line " + ignoredLine[i] + " only " + ignoredWhy[i]));
            } else {
                results.add(new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, 0, "no mention of " + patterns.get(i)));
            }
        }
        return results;
    }
}
