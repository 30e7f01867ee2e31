package dev.root24.rego;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.root24.rego.RegoToken.Kind;

/**
 * A lexical reading of a Rego source: finds the package statement, the imports and the head of
 * every top-level rule, and from them the pre-1.0 forms OPA 1.x rejects. It is not a parser: it
 * looks only at the tokens between top-level statements and the brackets that enclose rule
 * bodies, which is all the package and v1 checks need. What it cannot place it refuses with a
 * {@link RegoAnalysisException} rather than guess.
 */
public final class RegoAnalyzer {

    /** Words after which a {@code {} opens a value (object, set, comprehension), not a body. */
    private static final Set<String> OPERAND_WORDS = Set.of("contains", "in", "not", "some", "with", "as", "every");

    /** Words that, ending a line, carry the statement on to the next line. */
    private static final Set<String> CONTINUING_WORDS = Set.of("if", "contains", "else", "in", "not", "some", "with",
            "as", "every");

    private static final Set<String> OPENERS = Set.of("(", "[", "{");

    private final String source;
    private final List<RegoToken> tokens;
    private final int[] match;
    private final int[] depth;

    private RegoAnalyzer(String source, List<RegoToken> tokens) throws RegoAnalysisException {
        this.source = source;
        this.tokens = tokens;
        this.match = new int[tokens.size()];
        this.depth = new int[tokens.size()];
        pairBrackets();
    }

    /** Analyses {@code source}. */
    public static RegoAnalysis analyse(String source) throws RegoAnalysisException {
        return new RegoAnalyzer(source, RegoLexer.tokenize(source)).run();
    }

    private void pairBrackets() throws RegoAnalysisException {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            RegoToken t = tokens.get(i);
            match[i] = -1;
            if (t.kind() != Kind.SYMBOL) {
                depth[i] = open.size();
                continue;
            }
            String s = t.text();
            if (OPENERS.contains(s)) {
                depth[i] = open.size();
                open.push(i);
            } else if (s.equals(")") || s.equals("]") || s.equals("}")) {
                if (open.isEmpty()) {
                    throw new RegoAnalysisException(t.line(), "unbalanced '" + s + "'");
                }
                int opener = open.pop();
                if (!closes(tokens.get(opener).text(), s)) {
                    throw new RegoAnalysisException(t.line(), "'" + s + "' closes '" + tokens.get(opener).text()
                            + "' opened on line " + tokens.get(opener).line());
                }
                match[opener] = i;
                match[i] = opener;
                depth[i] = open.size();
            } else {
                depth[i] = open.size();
            }
        }
        if (!open.isEmpty()) {
            RegoToken t = tokens.get(open.peek());
            throw new RegoAnalysisException(t.line(), "'" + t.text() + "' is never closed");
        }
    }

    private static boolean closes(String opener, String closer) {
        return (opener.equals("(") && closer.equals(")")) || (opener.equals("[") && closer.equals("]"))
                || (opener.equals("{") && closer.equals("}"));
    }

    /** A top-level statement: the significant depth-0 token indices it spans, in order. */
    private record Statement(List<Integer> top) {
        int first() {
            return top.get(0);
        }

        int last() {
            return top.get(top.size() - 1);
        }
    }

    private RegoAnalysis run() throws RegoAnalysisException {
        List<Statement> statements = statements();
        PackageDeclaration pkg = null;
        List<Statement> futureImports = new ArrayList<>();
        boolean regoV1Import = false;
        List<SyntaxFinding> findings = new ArrayList<>();
        List<TextEdit> edits = new ArrayList<>();
        List<PartialSet> partialSets = new ArrayList<>();
        for (Statement st : statements) {
            RegoToken head = tokens.get(st.first());
            if (head.isWord("package")) {
                if (pkg != null) {
                    throw new RegoAnalysisException(head.line(), "second package statement (first on line " + pkg.line() + ")");
                }
                pkg = packageDeclaration(st);
            } else if (head.isWord("import")) {
                String path = tail(st);
                if (path.equals("future.keywords") || path.startsWith("future.keywords.")) {
                    futureImports.add(st);
                } else if (path.equals("rego.v1")) {
                    regoV1Import = true;
                }
            } else if (head.isWord("default")) {
                continue;
            } else if (head.kind() == Kind.WORD && !Character.isDigit(head.text().charAt(0))) {
                rule(st, findings, edits, partialSets);
            } else {
                throw new RegoAnalysisException(head.line(), "statement starts with '" + head.text()
                        + "', not a package, import or rule");
            }
        }
        // `p[x] if { }` is a partial set only under future.keywords; under v1 it is an object rule.
        boolean v0Keywords = !futureImports.isEmpty() && !regoV1Import;
        for (PartialSet set : partialSets) {
            if (set.withIf && !v0Keywords) {
                continue;
            }
            findings.add(new SyntaxFinding(SyntaxIssue.PARTIAL_SET_WITHOUT_CONTAINS, set.line,
                    "partial set rule '" + set.written + "' without 'contains' (v1: '" + set.v1 + "')"));
            edits.add(set.edit);
        }
        importEdits(futureImports, regoV1Import, findings, edits);
        findings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new RegoAnalysis(Optional.ofNullable(pkg), findings, edits);
    }

    private record PartialSet(int line, String written, String v1, boolean withIf, TextEdit edit) {}

    private List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        List<Integer> current = null;
        RegoToken previous = null;
        boolean lineBreak = false;
        for (int i = 0; i < tokens.size(); i++) {
            RegoToken t = tokens.get(i);
            if (depth[i] != 0) {
                continue;
            }
            if (t.kind() == Kind.NEWLINE) {
                lineBreak = true;
                continue;
            }
            if (t.kind() == Kind.COMMENT) {
                continue;
            }
            // Package and import statements are one line each: `import future.keywords.if` ends in a keyword.
            boolean oneLiner = current != null && (tokens.get(current.get(0)).isWord("package")
                    || tokens.get(current.get(0)).isWord("import"));
            if (current == null || (lineBreak && (oneLiner || !continues(previous, t)))) {
                current = new ArrayList<>();
                statements.add(new Statement(current));
            }
            current.add(i);
            previous = t;
            lineBreak = false;
        }
        return statements;
    }

    private static boolean isCloser(RegoToken t) {
        return t.kind() == Kind.SYMBOL && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"));
    }

    private static boolean continues(RegoToken previous, RegoToken next) {
        if (next.isWord("else") || next.isSymbol("{")) {
            return true;
        }
        if (previous.kind() == Kind.SYMBOL) {
            return !isCloser(previous);
        }
        return previous.kind() == Kind.WORD && CONTINUING_WORDS.contains(previous.text());
    }

    private PackageDeclaration packageDeclaration(Statement st) throws RegoAnalysisException {
        RegoToken head = tokens.get(st.first());
        if (st.top().size() < 2) {
            throw new RegoAnalysisException(head.line(), "package statement without a path");
        }
        int start = tokens.get(st.top().get(1)).start();
        int end = tokens.get(st.last()).end();
        return new PackageDeclaration(source.substring(start, end), head.line(), start, end);
    }

    /** The text of a statement after its first word, e.g. an import path. */
    private String tail(Statement st) {
        if (st.top().size() < 2) {
            return "";
        }
        return source.substring(tokens.get(st.top().get(1)).start(), tokens.get(st.last()).end());
    }

    private void rule(Statement st, List<SyntaxFinding> findings, List<TextEdit> edits, List<PartialSet> partialSets)
            throws RegoAnalysisException {
        List<Integer> top = st.top();
        RegoToken name = tokens.get(top.get(0));
        int k = 1;
        int lastBracket = -1;
        boolean function = false;
        while (k < top.size()) {
            RegoToken t = tokens.get(top.get(k));
            if (t.isSymbol(".") && k + 1 < top.size() && tokens.get(top.get(k + 1)).kind() == Kind.WORD) {
                k += 2;
                lastBracket = -1;
            } else if (t.isSymbol("[")) {
                lastBracket = top.get(k);
                k = top.indexOf(match[top.get(k)]) + 1;
            } else {
                break;
            }
        }
        if (k < top.size() && tokens.get(top.get(k)).isSymbol("(")) {
            function = true;
            k = top.indexOf(match[top.get(k)]) + 1;
        }
        RegoToken next = k < top.size() ? tokens.get(top.get(k)) : null;
        if (next != null && !(next.isWord("if") || next.isWord("contains") || next.isSymbol("=") || next.isSymbol(":=")
                || isBody(top.get(k)))) {
            throw new RegoAnalysisException(next.line(), "'" + next.text() + "' after the rule name '" + name.text()
                    + "' is not a rule head this check understands");
        }
        if (lastBracket >= 0 && !function && (next == null || next.isWord("if") || isBody(top.get(k)))) {
            partialSets.add(partialSet(name, lastBracket, next != null && next.isWord("if")));
        }
        for (int j = k; j < top.size(); j++) {
            int index = top.get(j);
            RegoToken t = tokens.get(index);
            if (t.isSymbol("{") && isBody(index)) {
                RegoToken before = previousSignificant(index);
                if (!before.isWord("if")) {
                    findings.add(new SyntaxFinding(SyntaxIssue.BODY_WITHOUT_IF, t.line(),
                            "rule body of '" + name.text() + "' without 'if' (v1: '... if {')"));
                    boolean spaced = index > 0 && t.start() > 0 && Character.isWhitespace(source.charAt(t.start() - 1));
                    edits.add(TextEdit.insert(t.start(), spaced ? "if " : " if "));
                }
            }
        }
    }

    private PartialSet partialSet(RegoToken name, int open, boolean withIf) {
        int close = match[open];
        String key = source.substring(tokens.get(open).end(), tokens.get(close).start()).strip();
        String written = source.substring(name.start(), tokens.get(close).end());
        String v1Head = source.substring(name.start(), tokens.get(open).start()) + " contains " + key;
        TextEdit edit = new TextEdit(tokens.get(open).start(), tokens.get(close).end(), " contains " + key);
        return new PartialSet(name.line(), written, v1Head + " if", withIf, edit);
    }

    /** A depth-0 {@code {} opens a rule body unless an operator or operand keyword comes before it. */
    private boolean isBody(int index) {
        RegoToken t = tokens.get(index);
        if (!t.isSymbol("{")) {
            return false;
        }
        RegoToken before = previousSignificant(index);
        if (before == null) {
            return false;
        }
        if (before.kind() == Kind.SYMBOL) {
            return isCloser(before);
        }
        return !(before.kind() == Kind.WORD && OPERAND_WORDS.contains(before.text()));
    }

    private RegoToken previousSignificant(int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (tokens.get(i).significant()) {
                return tokens.get(i);
            }
        }
        return null;
    }

    private void importEdits(List<Statement> futureImports, boolean regoV1Import, List<SyntaxFinding> findings,
            List<TextEdit> edits) {
        LineIndex lines = new LineIndex(source);
        boolean replaced = regoV1Import;
        for (Statement st : futureImports) {
            RegoToken head = tokens.get(st.first());
            String path = tail(st);
            findings.add(new SyntaxFinding(SyntaxIssue.FUTURE_KEYWORDS_IMPORT, head.line(),
                    "'import " + path + "' (v1: 'import rego.v1', or no import on OPA 1.x)"));
            if (!replaced) {
                edits.add(new TextEdit(tokens.get(st.top().get(1)).start(), tokens.get(st.last()).end(), "rego.v1"));
                replaced = true;
            } else if (aloneOnItsLines(st, lines)) {
                int from = lines.lineStart(head.line());
                int to = lines.nextLineStart(tokens.get(st.last()).line());
                edits.add(new TextEdit(from, to, ""));
            } else {
                edits.add(new TextEdit(head.start(), tokens.get(st.last()).end(), ""));
            }
        }
    }

    private boolean aloneOnItsLines(Statement st, LineIndex lines) {
        int from = lines.lineStart(tokens.get(st.first()).line());
        int to = lines.lineEnd(tokens.get(st.last()).line());
        String before = source.substring(from, tokens.get(st.first()).start());
        String after = source.substring(tokens.get(st.last()).end(), to);
        return before.isBlank() && (after.isBlank() || after.strip().startsWith("#"));
    }
}
