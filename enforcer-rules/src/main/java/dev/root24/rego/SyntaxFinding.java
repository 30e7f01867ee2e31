package dev.root24.rego;

/**
 * One pre-1.0 form found in a source.
 *
 * @param issue which form
 * @param line 1-based line
 * @param message what was found and what v1 wants instead
 */
public record SyntaxFinding(SyntaxIssue issue, int line, String message) {}
