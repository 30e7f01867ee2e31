package dev.root24.ci;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;


/**
 * A source file (or an inline script in a language other than a step's shell) split by its
 * parser into the code that runs and the text that does not: comments in the language's own
 * syntax, docstrings and bare strings, code under a constant-false {@code if}, statements after
 * a top-level {@code exit}, heredocs fed to a program that does not run them. What is code is
 * searched for the tool like any other text; Python imports are kept as module names.
 *
 * @param code the text with every ignored part blanked (line structure kept)
 * @param ignored the ignored parts, each with its 0-based line and why
 * @param imports Python modules imported, as repository-relative path stems ({@code a/b/c}) with
 *     whether the import was relative (resolved against the file's directory already)
 */
record SourceMask(String code, List<Ignored> ignored, List<Import> imports) {

    record Ignored(int line, String text, String because) {}

    /** A Python import: {@code stem} is the dotted module as a path without {@code .py}. */
    record Import(int line, String stem, boolean relative) {}

    private record Range(int start, int end, int line, String because) {}

    private static final Set<String> PRINTERS = Set.of(":", "echo", "printf");
    private static final Set<String> RUNS_INPUT = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash", "python", "python3", "node",
            "perl", "ruby", "pwsh");
    static final int MAX_NODES = 400_000;

    /**
     * Masks {@code text}; {@code directory} is the repository-relative directory relative imports
     * are resolved from (null when unknown).
     */
    static SourceMask of(ScriptLanguage language, String text, String directory, List<ToolPattern> tools) {
        if (text.length() > ScriptParser.MAX_CHARS) {
            return new SourceMask("", List.of(new Ignored(0, text.length() > 200 ? "" : text,
                    "in a script longer than " + ScriptParser.MAX_CHARS + " characters, not analysed")), List.of());
        }
        SyntaxNode parsed = ScriptParser.parse(language, text,
                t -> mayName(t, tools) || language == ScriptLanguage.SHELL && (t.startsWith("exit") || t.startsWith("<<")));
        List<Range> ranges = new ArrayList<>();
        List<Import> imports = new ArrayList<>();
        Deque<SyntaxNode> pending = new ArrayDeque<>();
        pending.push(parsed);
        int visited = 0;
        String afterExit = null;
        while (!pending.isEmpty()) {
            SyntaxNode node = pending.pop();
            if (++visited > MAX_NODES) {
                ranges.add(new Range(node.start(), text.length(), node.line(), "in a script too large to analyse"));
                break;
            }
            // Only parts that may name a tool matter (each native call costs microseconds): others stay code.
            if (node != parsed && !mayName(node.text(), tools)) {
                continue;
            }
            String type = node.getType();
            if (type.equals("comment")) {
                ranges.add(range(parsed, node, "in a comment"));
                continue;
            }
            String because = switch (language) {
                case SHELL -> shell(parsed, node);
                case PYTHON -> python(parsed, node, imports, directory);
                case JAVASCRIPT -> null;
            };
            if (because != null) {
                ranges.add(range(parsed, node, because));
                continue;
            }
            boolean top = language == ScriptLanguage.SHELL && node == parsed;
            int n = node.getNamedChildCount();
            for (int i = n - 1; i >= 0; i--) {
                SyntaxNode child = node.getNamedChild(i);
                if (language == ScriptLanguage.PYTHON && type.equals("if_statement") && falseCondition(parsed, node)
                        && "consequence".equals(node.getFieldNameForChild(childIndex(node, child)))) {
                    ranges.add(range(parsed, child, "under if False (never run)"));
                    continue;
                }
                pending.push(child);
            }
            if (top) {
                // Statements after a top-level exit never run.
                for (int i = 0; i < n; i++) {
                    SyntaxNode child = node.getNamedChild(i);
                    String childText = child.text();
                    if (afterExit != null && mayName(childText, tools) && !child.getType().equals("comment")) {
                        ranges.add(range(parsed, child, afterExit));
                    } else if (afterExit == null && childText.startsWith("exit") && child.getType().equals("command")
                            && "exit".equals(commandName(parsed, child))) {
                        afterExit = "never reached (after exit on line " + (child.line() + 1) + ")";
                    }
                }
            }
        }
        return build(text, parsed, ranges, imports);
    }

    private static boolean mayName(String text, List<ToolPattern> tools) {
        for (ToolPattern tool : tools) {
            if (tool.mayAppearIn(text)) {
                return true;
            }
        }
        return false;
    }

    private static int childIndex(SyntaxNode parent, SyntaxNode child) {
        for (int i = 0; i < parent.getChildCount(); i++) {
            if (parent.getChild(i) == child) {
                return i;
            }
        }
        return -1;
    }

    private static Range range(SyntaxNode parsed, SyntaxNode node, String because) {
        return new Range(node.start(), node.end(), node.line(), because);
    }

    private static String commandName(SyntaxNode parsed, SyntaxNode command) {
        if (!command.expanded()) {
            String t = command.text().strip();
            int space = t.indexOf(' ');
            return space < 0 ? t : t.substring(0, space);
        }
        SyntaxNode name = command.getChildByFieldName("name");
        if (name.isNull()) {
            return null;
        }
        String t = name.text();
        return t.substring(t.lastIndexOf('/') + 1);
    }

    /** Why a shell node does not run, or null. */
    private static String shell(SyntaxNode parsed, SyntaxNode node) {
        switch (node.getType()) {
            case "heredoc_body" -> {
                SyntaxNode statement = node.getParent().getParent();
                SyntaxNode body = statement.isNull() ? statement : statement.getChildByFieldName("body");
                String program = body.isNull() || !body.getType().equals("command") ? null : commandName(parsed, body);
                return program != null && RUNS_INPUT.contains(program) ? null
                        : "in a heredoc fed to " + (program == null ? "a command" : program) + " (data, not run)";
            }
            case "if_statement" -> {
                SyntaxNode condition = node.getChildByFieldName("condition");
                if (!condition.isNull() && condition.getType().equals("command") && "false".equals(commandName(parsed, condition))) {
                    return "never run (if false)";
                }
                return null;
            }
            case "command" -> {
                String program = commandName(parsed, node);
                if (program != null && PRINTERS.contains(program) && node.getNamedChildCount() > 1) {
                    return "only as an argument of " + program + ", which does not run it";
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /** Why a Python node does not run (a docstring, a bare string), or null; imports are collected. */
    private static String python(SyntaxNode parsed, SyntaxNode node, List<Import> imports, String directory) {
        switch (node.getType()) {
            case "expression_statement" -> {
                if (node.getNamedChildCount() == 1) {
                    String t = node.getNamedChild(0).getType();
                    if (t.equals("string") || t.equals("concatenated_string")) {
                        return "in a docstring or a bare string (not code)";
                    }
                }
                return null;
            }
            case "while_statement" -> {
                SyntaxNode condition = node.getChildByFieldName("condition");
                return !condition.isNull() && isFalse(parsed, condition) ? "under while False (never run)" : null;
            }
            case "import_statement" -> {
                for (int i = 0; i < node.getNamedChildCount(); i++) {
                    SyntaxNode name = node.getNamedChild(i);
                    SyntaxNode dotted = name.getType().equals("aliased_import") ? name.getChildByFieldName("name") : name;
                    imports.add(new Import(node.line(), dotted.text().replace('.', '/'), false));
                }
                return null;
            }
            case "import_from_statement" -> {
                SyntaxNode module = node.getChildByFieldName("module_name");
                if (module.isNull()) {
                    return null;
                }
                String base;
                boolean relative = module.getType().equals("relative_import");
                if (relative) {
                    String t = module.text();
                    int dots = 0;
                    while (dots < t.length() && t.charAt(dots) == '.') {
                        dots++;
                    }
                    String rest = t.substring(dots).replace('.', '/');
                    String dir = directory;
                    for (int i = 1; i < dots && dir != null; i++) {
                        dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : dir.isEmpty() ? null : "";
                    }
                    if (dir == null) {
                        return null;
                    }
                    base = ScriptPath.normalise(dir, rest);
                    if (base == null) {
                        return null;
                    }
                } else {
                    base = module.text().replace('.', '/');
                }
                int line = node.line();
                if (!base.isEmpty()) {
                    imports.add(new Import(line, base, relative));
                }
                for (int i = 0; i < node.getChildCount(); i++) {
                    if ("name".equals(node.getFieldNameForChild(i))) {
                        SyntaxNode name = node.getChild(i);
                        SyntaxNode dotted = name.getType().equals("aliased_import") ? name.getChildByFieldName("name") : name;
                        String sub = dotted.text().replace('.', '/');
                        imports.add(new Import(line, base.isEmpty() ? sub : base + "/" + sub, relative));
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static boolean falseCondition(SyntaxNode parsed, SyntaxNode ifStatement) {
        SyntaxNode condition = ifStatement.getChildByFieldName("condition");
        return !condition.isNull() && isFalse(parsed, condition);
    }

    private static boolean isFalse(SyntaxNode parsed, SyntaxNode condition) {
        String t = condition.getType();
        if (t.equals("false") || t.equals("none")) {
            return true;
        }
        if (t.equals("integer")) {
            return condition.text().strip().matches("0+");
        }
        if (t.equals("parenthesized_expression") && condition.getNamedChildCount() == 1) {
            return isFalse(parsed, condition.getNamedChild(0));
        }
        return false;
    }

    private static SourceMask build(String text, SyntaxNode parsed, List<Range> ranges, List<Import> imports) {
        char[] code = text.toCharArray();
        List<Ignored> ignored = new ArrayList<>();
        for (Range r : ranges) {
            int line = r.line();
            String part = text.substring(r.start(), r.end());
            String[] lines = part.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                ignored.add(new Ignored(line + i, lines[i], r.because()));
            }
            for (int i = r.start(); i < r.end(); i++) {
                if (code[i] != '\n') {
                    code[i] = ' ';
                }
            }
        }
        return new SourceMask(new String(code), ignored, imports);
    }
}
