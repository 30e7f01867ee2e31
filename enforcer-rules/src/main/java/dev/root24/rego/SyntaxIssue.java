package dev.root24.rego;

/** Pre-1.0 Rego forms that OPA 1.x rejects. */
public enum SyntaxIssue {
    /** {@code deny[msg] { ... }}: a partial set rule must say {@code deny contains msg if { ... }}. */
    PARTIAL_SET_WITHOUT_CONTAINS,
    /** {@code allow { ... }}: a rule body must follow {@code if}. */
    BODY_WITHOUT_IF,
    /** {@code import future.keywords...}: superseded by {@code import rego.v1} (or nothing, on OPA 1.x). */
    FUTURE_KEYWORDS_IMPORT
}
