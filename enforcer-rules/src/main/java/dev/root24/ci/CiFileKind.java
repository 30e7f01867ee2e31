package dev.root24.ci;

/** How a referencing file is read. */
enum CiFileKind {
    /** A GitHub Actions workflow: only {@code jobs.*} run/uses/with count. */
    GITHUB_WORKFLOW,
    /** A GitHub composite action ({@code action.yml} with {@code runs.steps}). */
    GITHUB_ACTION,
    /** A pre-commit configuration (YAML with top-level {@code repos:}): hook entry and args. */
    PRE_COMMIT,
    /** GitLab CI: script, before_script, after_script. */
    GITLAB_CI,
    /** Any other file: its non-comment lines. */
    TEXT
}
