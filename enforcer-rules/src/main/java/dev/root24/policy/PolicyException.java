package dev.root24.policy;

/**
 * A mistake in configuration or policy input: a missing or unreadable file, a YAML syntax error, a
 * wrong type, an unknown key, an invalid pattern, a path that leaves the repository root.
 *
 * <p>The message is a single line that names the file and, where known, the line, so that the
 * Maven adapters can show it as-is without a stack trace.
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file:line: message}, or {@code file: message} when the line is unknown (≤ 0). */
    public static PolicyException at(String file, int line, String message) {
        return new PolicyException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
