package dev.root24.rego;

/**
 * One rewritten line (or run of lines) of a migration.
 *
 * @param file repository-relative path, forward slashes
 * @param line 1-based line of the first changed line
 * @param before the original line(s), without the final line break
 * @param after the rewritten line(s); empty when the line is removed
 */
public record MigrationChange(String file, int line, String before, String after) {}
