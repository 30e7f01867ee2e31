package dev.root24.rego;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one {@link RegoPackageCheck}.
 *
 * @param root the repository root
 * @param filesScanned how many {@code .rego} files were looked at
 * @param findings every finding, sorted by file and line
 */
public record RegoReport(Path root, int filesScanned, List<RegoFinding> findings) {

    public RegoReport {
        findings = findings.stream().sorted().toList();
    }

    public List<RegoFinding> errors() {
        return findings.stream().filter(RegoFinding::error).toList();
    }

    public List<RegoFinding> warnings() {
        return findings.stream().filter(f -> !f.error()).toList();
    }

    public boolean passed() {
        return errors().isEmpty();
    }

    /** The header and one indented line per error. */
    public String formatErrors() {
        StringBuilder text = new StringBuilder("regoPackages: " + errors().size() + " violation(s) in "
                + filesScanned + " .rego file(s) under " + root);
        for (RegoFinding f : errors()) {
            text.append(System.lineSeparator()).append("  ").append(f.format());
        }
        return text.toString();
    }

    /** The line logged when the check passes. */
    public String summary() {
        return "regoPackages: OK, " + filesScanned + " .rego file(s), no violations"
                + (warnings().isEmpty() ? "" : ", " + warnings().size() + " warning(s)") + " under " + root;
    }
}
