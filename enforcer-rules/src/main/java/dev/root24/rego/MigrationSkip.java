package dev.root24.rego;

/**
 * A file, or a finding in it, the migration leaves alone, and why.
 *
 * @param file repository-relative path, forward slashes
 * @param line 1-based line, 0 for the whole file
 * @param reason why nothing is changed there
 */
public record MigrationSkip(String file, int line, String reason) {}
