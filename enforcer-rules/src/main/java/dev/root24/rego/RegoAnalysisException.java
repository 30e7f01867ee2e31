package dev.root24.rego;

/**
 * The source holds something the lexical analysis does not understand (binary content, an
 * unterminated string, an unexpected character, unbalanced brackets, a statement of unknown
 * shape). Callers report it as {@code could not analyse} and never change such a file.
 */
public final class RegoAnalysisException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;

    public RegoAnalysisException(int line, String reason) {
        super(reason);
        this.line = line;
    }

    /** 1-based line where the analysis stopped. */
    public int line() {
        return line;
    }

    public String reason() {
        return getMessage();
    }
}
