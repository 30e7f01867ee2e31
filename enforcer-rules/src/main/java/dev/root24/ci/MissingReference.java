package dev.root24.ci;

import java.util.Objects;

/**
 * Something the repository could do to raise the static score: make {@code file} run the tool
 * {@code toolId}, or, when {@code file} is null, create the tool file itself.
 */
public record MissingReference(String toolId, String file) {

    public MissingReference {
        Objects.requireNonNull(toolId, "toolId");
    }

    /** A missing tool file rather than a missing reference. */
    public boolean toolFile() {
        return file == null;
    }
}
