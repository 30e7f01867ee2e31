package dev.root24.findings;

import java.util.Objects;

/**
 * A line of a repository file: where a finding is shown when the thing it concerns is not a file
 * of its own (a missing module, a directory, a missing workflow), namely where that thing is declared.
 *
 * @param file repository-relative path, forward slashes
 * @param line 1-based line; 0 when only the file is known
 */
public record Place(String file, int line) {

    public Place {
        Objects.requireNonNull(file, "file");
        line = Math.max(0, line);
    }
}
