package dev.root24.policy;

/**
 * A mistake in configuration or policy input: a missing or unreadable file, a YAML syntax error, a
 * wrong type, an unknown key, an invalid pattern, a path that leaves the repository root.
 *
 * <p>The message is a single line that names the file and, where known, the line, so that the
 * Maven adapters can show it as-is without a stack trace. {@link #line()} and
 * {@link #problem()} give the parts to callers that place the problem themselves (reports).
 */
public final class PolicyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    public PolicyException(String message) {
        this(message, null, 0, message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.line = 0;
        this.problem = message;
    }

    private PolicyException(String message, String file, int line, String problem) {
        super(message);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** {@code file:line: message}, or {@code file: message} when the line is unknown (≤ 0). */
    public static PolicyException at(String file, int line, String message) {
        return new PolicyException(line > 0 ? file + ":" + line + ": " + message : file + ": " + message, file,
                Math.max(0, line), message);
    }

    /** A message of its own (several problems in one file) placed at {@code file} and {@code line}. */
    public static PolicyException located(String message, String file, int line) {
        return new PolicyException(message, file, Math.max(0, line), message);
    }

    /** The file the problem is in, as named in the message ({@code classpath:...} or a repository path); null when unknown. */
    public String file() {
        return file;
    }

    /** The 1-based line the problem is on, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The problem without the file and line prefix. */
    public String problem() {
        return problem;
    }
}
