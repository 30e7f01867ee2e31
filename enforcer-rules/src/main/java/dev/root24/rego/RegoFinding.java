package dev.root24.rego;

import java.util.Comparator;

/**
 * One thing the {@code regoPackages} check reports.
 *
 * @param file repository-relative path, forward slashes
 * @param line 1-based line; 0 when the file as a whole is concerned
 * @param kind what sort of finding
 * @param error whether it fails the build (otherwise it is a warning)
 * @param message what was found and what was expected
 */
public record RegoFinding(String file, int line, Kind kind, boolean error, String message)
        implements Comparable<RegoFinding> {

    /** Sorts of finding. */
    public enum Kind {
        /** The package does not start with the expected path. */
        PACKAGE,
        /** The file has no package statement. */
        NO_PACKAGE,
        /** A pre-1.0 syntax form. */
        V1_SYNTAX,
        /** The lexical analysis could not read the file. */
        COULD_NOT_ANALYSE
    }

    private static final Comparator<RegoFinding> ORDER = Comparator.comparing(RegoFinding::file)
            .thenComparingInt(RegoFinding::line).thenComparing(RegoFinding::kind).thenComparing(RegoFinding::message);

    /** {@code file:line: message}. */
    public String format() {
        return (line > 0 ? file + ":" + line : file) + ": " + message;
    }

    @Override
    public int compareTo(RegoFinding other) {
        return ORDER.compare(this, other);
    }
}
