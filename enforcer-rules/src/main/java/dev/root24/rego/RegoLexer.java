package dev.root24.rego;

import java.util.ArrayList;
import java.util.List;

import dev.root24.rego.RegoToken.Kind;

/**
 * Splits Rego source into tokens. Strings, raw strings and comments are single tokens, so a
 * <code>{</code> or the word {@code package} inside them is never mistaken for code.
 *
 * <p>Deliberately strict: any character Rego does not allow outside strings and comments stops
 * the scan with a {@link RegoAnalysisException}, because a check that guesses would rewrite code
 * it does not understand.
 */
public final class RegoLexer {

    private static final String[] TWO_CHAR_SYMBOLS = {":=", "==", "!=", "<=", ">="};
    private static final String ONE_CHAR_SYMBOLS = "=<>+-*/%|&,:;.()[]{}";

    private final String source;
    private int pos;
    private int line = 1;

    private RegoLexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code source}, in order; whitespace other than line breaks is dropped. */
    public static List<RegoToken> tokenize(String source) throws RegoAnalysisException {
        return new RegoLexer(source).run();
    }

    private List<RegoToken> run() throws RegoAnalysisException {
        List<RegoToken> tokens = new ArrayList<>();
        if (source.startsWith("\uFEFF")) {
            pos = 1;
        }
        while (pos < source.length()) {
            char c = source.charAt(pos);
            int start = pos;
            if (c == '\n') {
                tokens.add(new RegoToken(Kind.NEWLINE, "\n", start, ++pos, line++));
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
                tokens.add(token(Kind.COMMENT, start, line));
            } else if (c == '"') {
                tokens.add(string(start));
            } else if (c == '`') {
                tokens.add(rawString(start));
            } else if (c == '$' && pos + 1 < source.length() && (source.charAt(pos + 1) == '"' || source.charAt(pos + 1) == '`')) {
                // A template string (OPA 1.x): its {expressions} stay inside the string token.
                pos++;
                tokens.add(source.charAt(pos) == '"' ? string(start) : rawString(start));
            } else if (isWordChar(c)) {
                while (pos < source.length() && isWordChar(source.charAt(pos))) {
                    pos++;
                }
                tokens.add(token(Kind.WORD, start, line));
            } else {
                tokens.add(symbol(start, c));
            }
        }
        return tokens;
    }

    private RegoToken string(int start) throws RegoAnalysisException {
        int startLine = line;
        pos = source.indexOf('"', start) + 1;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) != '\n') {
                pos += 2;
            } else if (c == '"') {
                pos++;
                return token(Kind.STRING, start, startLine);
            } else if (c == '\n') {
                break;
            } else {
                pos++;
            }
        }
        throw new RegoAnalysisException(startLine, "unterminated string");
    }

    private RegoToken rawString(int start) throws RegoAnalysisException {
        int startLine = line;
        int close = source.indexOf('`', source.indexOf('`', start) + 1);
        if (close < 0) {
            throw new RegoAnalysisException(startLine, "unterminated raw string");
        }
        for (int i = start; i < close; i++) {
            if (source.charAt(i) == '\n') {
                line++;
            }
        }
        pos = close + 1;
        return token(Kind.RAW_STRING, start, startLine);
    }

    private RegoToken symbol(int start, char c) throws RegoAnalysisException {
        for (String two : TWO_CHAR_SYMBOLS) {
            if (source.startsWith(two, start)) {
                pos += 2;
                return token(Kind.SYMBOL, start, line);
            }
        }
        if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
            pos++;
            return token(Kind.SYMBOL, start, line);
        }
        String shown = c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
        if (c == 0) {
            throw new RegoAnalysisException(line, "binary content (NUL byte), not Rego source");
        }
        throw new RegoAnalysisException(line, "unexpected character " + shown);
    }

    private RegoToken token(Kind kind, int start, int startLine) {
        return new RegoToken(kind, source.substring(start, pos), start, pos, startLine);
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
