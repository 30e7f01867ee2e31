package dev.root24.structure;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one {@link StructureLock} check.
 *
 * @param root the directory checked
 * @param modulesFound how many locked modules are present as directories
 * @param modulesExpected how many are locked
 * @param violations every violation, sorted by path then kind
 */
public record StructureReport(Path root, int modulesFound, int modulesExpected, List<Violation> violations) {

    public StructureReport {
        violations = violations.stream().sorted().toList();
    }

    public boolean passed() {
        return violations.isEmpty();
    }

    /** {@code ROOT-24-LOCK: N violation(s) in <dir>}. */
    public String header() {
        return "ROOT-24-LOCK: " + violations.size() + " violation(s) in " + root;
    }

    /** The header and one indented line per violation. */
    public String format() {
        StringBuilder text = new StringBuilder(header());
        for (Violation v : violations) {
            text.append(System.lineSeparator()).append("  ").append(v.line());
        }
        return text.toString();
    }

    /** The line logged on success. */
    public String summary() {
        return "ROOT-24-LOCK: OK, " + modulesFound + "/" + modulesExpected + " locked modules, no violations in " + root;
    }
}
