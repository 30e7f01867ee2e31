package dev.root24.exec;

/**
 * One problem a check found at a place in the repository, for reports that point at files.
 *
 * @param kind a stable name for the kind of problem (e.g. {@code UNAUTHORISED_FILE})
 * @param file repository-relative path, or null when the problem has no file
 * @param line 1-based line, or 0 when unknown
 * @param message what is wrong and how to fix it
 */
public record Finding(String kind, String file, int line, String message) {}
