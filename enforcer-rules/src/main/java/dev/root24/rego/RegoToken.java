package dev.root24.rego;

/**
 * One lexical token of a Rego source.
 *
 * @param kind what sort of token
 * @param text the exact source text of the token
 * @param start offset of its first character in the source
 * @param end offset just after its last character
 * @param line 1-based line of its first character
 */
public record RegoToken(Kind kind, String text, int start, int end, int line) {

    /** Token kinds; only as fine-grained as the package and v1 checks need. */
    public enum Kind {
        /** An identifier or a number: a run of letters, digits and underscores. */
        WORD,
        /** A double-quoted string, escapes included. */
        STRING,
        /** A back-quoted raw string; may span lines. */
        RAW_STRING,
        /** An operator or punctuation mark, e.g. {@code :=}, {@code [}, {@code ,}. */
        SYMBOL,
        /** {@code #} to the end of the line. */
        COMMENT,
        /** A line break; significant because Rego separates statements by lines. */
        NEWLINE
    }

    public boolean is(Kind expected, String value) {
        return kind == expected && text.equals(value);
    }

    public boolean isSymbol(String value) {
        return is(Kind.SYMBOL, value);
    }

    public boolean isWord(String value) {
        return is(Kind.WORD, value);
    }

    /** Neither a comment nor a line break. */
    public boolean significant() {
        return kind != Kind.COMMENT && kind != Kind.NEWLINE;
    }
}
