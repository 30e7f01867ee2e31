package dev.root24.ci;

import java.util.Objects;

/**
 * The outcome for one referencing file of one tool.
 *
 * @param file the referencing file, repository-relative as configured
 * @param status what was found
 * @param line where the reference was found, where the tool is mentioned without being run, or
 *     where the parse error is; 0 when none
 * @param detail where in the file it was found (e.g. {@code jobs.gate.steps[2].run}) or why it was
 *     not (e.g. {@code mentioned only in a comment on line 7}); never null
 */
public record ReferenceResult(String file, ReferenceStatus status, int line, String detail) {

    public ReferenceResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public boolean found() {
        return status == ReferenceStatus.FOUND;
    }
}
