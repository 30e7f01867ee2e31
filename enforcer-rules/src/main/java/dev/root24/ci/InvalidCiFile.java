package dev.root24.ci;

/**
 * A CI file that parses as YAML but that its CI system refuses (a workflow without {@code on:},
 * a step with both {@code run} and {@code uses}...): a named error, never read as plain text.
 * The message never quotes the file's values.
 */
final class InvalidCiFile extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    InvalidCiFile(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
