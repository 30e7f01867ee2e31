package dev.root24.ci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;


/**
 * What a shell script ({@code run:}, a GitLab {@code script:} line) really does with each word
 * that may name a tool, read from the tree-sitter bash parse: which program each command runs
 * and with which arguments, resolved against the working directory ({@code working-directory},
 * {@code cd}) and the variables known statically; which statements are never reached
 * ({@code exit} before, {@code if false}, a syntax error); what only prints, checks or removes a
 * file; and whether a failure of each command fails the step (errexit, pipefail, {@code ||},
 * {@code &&}, {@code !}, background, conditions, subshells).
 */
final class ShellScript {

    /** Statements nested deeper are not analysed (reported, never counted): the walk stays bounded. */
    static final int MAX_DEPTH = 150;
    /** {@code bash -c} and heredocs fed to a shell are analysed up to this depth. */
    private static final int MAX_NESTED_SHELLS = 4;
    /** Nodes visited per script; beyond it the rest is reported as not analysed. */
    static final int MAX_NODES = 400_000;

    /** Commands after {@code ||} that turn a failure into success. */
    private static final Set<String> SWALLOWERS = Set.of("true", ":", "echo", "printf");
    /** Programs that print, test or inspect their arguments without running them. */
    private static final Set<String> INERT = Set.of(":", "echo", "printf", "true", "false", "test", "[", "ls", "stat", "file",
            "wc", "head", "tail", "grep", "egrep", "fgrep", "cat", "less", "more", "sha256sum", "sha1sum", "md5sum", "shasum",
            "chmod", "chown", "touch", "mkdir", "basename", "dirname", "realpath", "readlink", "du", "which", "type", "hash",
            "diff", "cmp", "git", "shellcheck", "read", "wait", "sleep", "export", "unset");
    /** Programs that remove their arguments. */
    private static final Set<String> REMOVERS = Set.of("rm", "unlink", "truncate", "shred");
    /** Programs whose last argument is overwritten. */
    private static final Set<String> OVERWRITERS = Set.of("cp", "mv", "ln", "install", "rsync");
    /** Programs that run a script file named by their first operand. */
    private static final Set<String> SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");
    private static final Set<String> INTERPRETERS = Set.of("python", "python3", "python2", "pypy", "pypy3", "node", "deno", "bun",
            "ruby", "perl", "php", "pwsh", "powershell", "rscript", "lua", "tclsh", "groovy", "jshell");
    /** Programs that run the files below a directory operand: test runners and policy engines. */
    private static final Set<String> DIRECTORY_RUNNERS = Set.of("pytest", "py.test", "opa", "conftest", "tox", "nox");
    /** Programs that run the command that follows their own options. */
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "time", "nice", "nohup", "exec", "command", "builtin",
            "timeout", "stdbuf", "doas", "eatmydata", "unbuffer", "xargs", "chronic", "ionice");
    private static final Set<String> PYTEST_DISABLERS = Set.of("--ignore", "--ignore-glob", "--deselect");

    /** Statements that change what later statements do even when they name no tool. */
    private static final Pattern STATE_CHANGING = Pattern.compile("(?<![\\w.-])(set|cd|pushd|popd|exit|exec)(?![\\w.-])");

    private final List<ToolPattern> tools;
    private final int lineOffset;
    private final List<ScriptUse> uses;
    private final StepShell shell;
    private final int nestedShells;
    private State state;
    private int nodes;

    /** The shell options and what is known at a point of the script. */
    private static final class State {
        boolean errexit;
        boolean pipefail;
        /** Repository-relative, null when not known statically, {@link #OUTSIDE_DIRECTORY} outside the repository. */
        String cwd;
        Map<String, String> vars;

        State copy() {
            State s = new State();
            s.errexit = errexit;
            s.pipefail = pipefail;
            s.cwd = cwd;
            s.vars = new HashMap<>(vars);
            return s;
        }
    }

    private static final String OUTSIDE_DIRECTORY = String.valueOf(ScriptPath.OUTSIDE);

    /** What a failure of the node being analysed leads to: null when it fails the step, else why not. */
    @FunctionalInterface
    private interface Outcome {
        /** {@code immune}: the failure sits where errexit ignores it (left of {@code &&}, {@code ||}). */
        String lost(boolean immune);
    }

    private static final Outcome FAILS = immune -> null;

    /** Whether a variable may hold a tool's name: then any statement using a variable may name one. */
    private boolean varsMayName;

    private ShellScript(List<ToolPattern> tools, int lineOffset, List<ScriptUse> uses, StepShell shell,
            State state, int nestedShells) {
        this.tools = tools;
        this.lineOffset = lineOffset;
        this.uses = uses;
        this.shell = shell;
        this.state = state;
        this.nestedShells = nestedShells;
    }

    /**
     * The uses in a script run by {@code shell} in {@code context}; {@code firstLine} is the
     * script's first line in its file. Only what may name one of {@code tools} is reported (every
     * native call of the binding costs microseconds: statements that name none of them and change
     * nothing for later ones are not walked).
     */
    static List<ScriptUse> analyse(String text, int firstLine, StepShell shell, StepContext context, List<ToolPattern> tools) {
        State state = new State();
        state.errexit = shell.errexit();
        state.pipefail = shell.pipefail();
        state.cwd = context.workingDirectory();
        state.vars = new HashMap<>();
        context.env().forEach((k, v) -> state.vars.put(k, literal(v)));
        List<ScriptUse> uses = new ArrayList<>();
        // Variables hold names too: a statement using one may name a tool without spelling it.
        List<ToolPattern> searched = List.copyOf(tools);
        run(context.substitute(text), firstLine, uses, shell, state, 0, FAILS, searched);
        return uses;
    }

    /** A variable's value as the marked static text a word would have. */
    private static String literal(String value) {
        if (value.indexOf('$') < 0) {
            return value;
        }
        return String.valueOf(ScriptPath.UNKNOWN);
    }

    private static void run(String text, int firstLine, List<ScriptUse> uses, StepShell shell, State state, int nested,
            Outcome exit, List<ToolPattern> tools) {
        if (text.length() > ScriptParser.MAX_CHARS) {
            uses.add(new ScriptUse(firstLine, ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, text,
                    "in a script longer than " + ScriptParser.MAX_CHARS + " characters, not analysed"));
            return;
        }
        ShellScript script = new ShellScript(tools, firstLine, uses, shell, state, nested);
        script.varsMayName = script.mayName(text) || state.vars.values().stream().anyMatch(script::mayName);
        SyntaxNode root = ScriptParser.parse(ScriptLanguage.SHELL, text, script::worthCopying, true);
        script.block(children(root), exit, exit, 0);
    }

    private static List<SyntaxNode> children(SyntaxNode node) {
        int n = node.getNamedChildCount();
        List<SyntaxNode> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(node.getNamedChild(i));
        }
        return list;
    }

    private int line(SyntaxNode node) {
        return lineOffset + node.line();
    }

    private void ignoredText(SyntaxNode node, String because) {
        uses.add(new ScriptUse(line(node), ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, node.text(), because));
    }

    private void add(SyntaxNode node, ScriptUse.Kind kind, String text, String because) {
        uses.add(new ScriptUse(line(node), kind, resolve(text), text, because));
    }

    private ScriptPath resolve(String text) {
        if (text == null) {
            return ScriptPath.NONE;
        }
        if (OUTSIDE_DIRECTORY.equals(state.cwd) && !text.isEmpty() && text.charAt(0) != ScriptPath.ROOT) {
            return ScriptPath.NONE;
        }
        return ScriptPath.resolve(state.cwd, text);
    }

    /** Statements of a block, in order: {@code block} is the block's own outcome, {@code exit} where errexit or exit leads. */
    private void block(List<SyntaxNode> statements, Outcome block, Outcome exit, int depth) {
        String dead = null;
        int last = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (!statements.get(i).getType().equals("comment")) {
                last = i;
            }
        }
        for (int i = 0; i < statements.size(); i++) {
            SyntaxNode node = statements.get(i);
            String type = node.getType();
            if (type.equals("comment")) {
                ignoredText(node, "in a comment");
                continue;
            }
            if (dead == null && (type.equals("ERROR") || node.isMissing())) {
                // Even where it names no tool: the shell stops here, so nothing after it runs.
                dead = "never run: the shell stops at a syntax error on line " + line(node);
                ignoredText(node, dead);
                continue;
            }
            if (!relevant(node.text())) {
                continue; // names no tool, changes nothing later statements depend on
            }
            if (dead != null) {
                ignoredText(node, dead);
                continue;
            }
            boolean isLast = i == last;
            SyntaxNode next = node.getNextSibling();
            boolean background = !next.isNull() && !next.isNamed() && next.getType().equals("&");
            Outcome outcome;
            if (background) {
                outcome = immune -> "where it runs in the background and its failure is never waited for";
            } else {
                boolean errexit = state.errexit;
                outcome = immune -> {
                    if (errexit && !immune) {
                        return exit.lost(false);
                    }
                    if (isLast) {
                        return block.lost(immune);
                    }
                    if (errexit) {
                        return "where its failure is ignored (&& list followed by more commands)";
                    }
                    return "where its failure does not stop the script (" + noErrexit() + ") and a later command decides the exit status";
                };
            }
            statement(node, outcome, exit, depth);
            String ends = ends(node);
            if (ends != null) {
                dead = "never reached (after " + ends + " on line " + line(node) + ")";
            }
        }
    }

    private boolean mayName(String text) {
        for (ToolPattern tool : tools) {
            if (tool.mayAppearIn(text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a node's children are worth copying out of the native tree. */
    private boolean worthCopying(String text) {
        return mayName(text) || STATE_CHANGING.matcher(text).find() || varsMayName && text.indexOf('$') >= 0;
    }

    /** Whether a statement may name a tool (directly or through a variable) or change the shell's state. */
    private boolean relevant(String text) {
        if (STATE_CHANGING.matcher(text).find()) {
            return true;
        }
        for (ToolPattern tool : tools) {
            if (tool.mayAppearIn(text)) {
                return true;
            }
        }
        if (text.indexOf('$') >= 0) {
            // A variable names a tool only if a value known here does (an unknown one never resolves to it).
            for (String value : state.vars.values()) {
                for (ToolPattern tool : tools) {
                    if (tool.mayAppearIn(value)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String noErrexit() {
        return shell.errexit() ? "set +e before it" : "no errexit in " + shell.name();
    }

    /** {@code exit}, {@code exec} when the statement is one: what follows it in its block never runs. */
    private String ends(SyntaxNode node) {
        if (!node.getType().equals("command")) {
            return null;
        }
        String name = commandName(node);
        if ("exit".equals(name)) {
            return name;
        }
        // `exec cmd` replaces the shell; `exec >log` only redirects.
        return "exec".equals(name) && !arguments(node).isEmpty() ? name : null;
    }

    private String commandName(SyntaxNode command) {
        SyntaxNode name = command.getChildByFieldName("name");
        return name.isNull() ? null : word(name, 0);
    }

    private boolean budget(SyntaxNode node, int depth) {
        if (++nodes > MAX_NODES) {
            ignoredText(node, "in a script too large to analyse (more than " + MAX_NODES + " parts)");
            return false;
        }
        if (depth > MAX_DEPTH) {
            ignoredText(node, "nested deeper than " + MAX_DEPTH + " levels, not analysed");
            return false;
        }
        return true;
    }

    private void statement(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        if (!budget(node, depth)) {
            return;
        }
        switch (node.getType()) {
            case "command" -> command(node, outcome, null, depth);
            case "redirected_statement" -> redirected(node, outcome, exit, depth);
            case "pipeline" -> pipeline(node, outcome, exit, depth);
            case "list" -> list(node, outcome, exit, depth);
            case "negated_command" -> {
                for (SyntaxNode child : children(node)) {
                    statement(child, immune -> "where its status is inverted (!)", exit, depth + 1);
                }
            }
            case "subshell" -> {
                State saved = state;
                state = state.copy();
                block(children(node), outcome, immune -> outcome.lost(false), depth + 1);
                state = saved;
            }
            case "compound_statement" -> block(children(node), outcome, exit, depth + 1);
            case "if_statement" -> ifStatement(node, outcome, exit, depth);
            case "while_statement" -> loop(node, outcome, exit, depth);
            case "for_statement", "c_style_for_statement" -> forLoop(node, outcome, exit, depth);
            case "case_statement" -> {
                for (SyntaxNode item : children(node)) {
                    if (item.getType().equals("case_item")) {
                        List<SyntaxNode> body = new ArrayList<>();
                        for (SyntaxNode c : children(item)) {
                            if (!"value".equals(fieldOf(item, c))) {
                                body.add(c);
                            }
                        }
                        block(body, outcome, exit, depth + 1);
                    }
                }
            }
            case "function_definition" -> {
                SyntaxNode body = node.getChildByFieldName("body");
                if (!body.isNull()) {
                    statement(body, outcome, exit, depth + 1);
                }
            }
            case "variable_assignment" -> assignment(node, outcome, depth);
            case "variable_assignments" -> {
                for (SyntaxNode a : children(node)) {
                    assignment(a, outcome, depth);
                }
            }
            case "declaration_command", "unset_command" -> declaration(node, depth);
            case "test_command" -> inertWords(node, "only in a test ([[ ]]), not run", depth);
            case "comment" -> ignoredText(node, "in a comment");
            default -> {
                // Anything else (arithmetic, a bare word) runs nothing itself; commands inside it still run.
                for (SyntaxNode child : children(node)) {
                    statement(child, outcome, exit, depth + 1);
                }
            }
        }
    }

    private static String fieldOf(SyntaxNode parent, SyntaxNode child) {
        for (int i = 0; i < parent.getChildCount(); i++) {
            if (parent.getChild(i) == child) {
                return parent.getFieldNameForChild(i);
            }
        }
        return null;
    }

    private void pipeline(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        List<SyntaxNode> parts = children(node);
        parts.removeIf(p -> p.getType().equals("comment"));
        for (int i = 0; i < parts.size(); i++) {
            boolean lastPart = i == parts.size() - 1;
            boolean pipefail = state.pipefail;
            Outcome part = lastPart ? outcome
                    : immune -> pipefail ? outcome.lost(immune) : "where its failure is lost in a pipe (no pipefail in " + shell.name() + ")";
            // Each part of a pipeline runs in a subshell: a cd there does not change the script's directory.
            State saved = state;
            state = state.copy();
            statement(parts.get(i), part, exit, depth + 1);
            state = saved;
        }
    }

    private void list(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        SyntaxNode left = null;
        SyntaxNode right = null;
        String operator = null;
        for (int i = 0; i < node.getChildCount(); i++) {
            SyntaxNode c = node.getChild(i);
            if (c.isNamed() && !c.getType().equals("comment")) {
                if (left == null) {
                    left = c;
                } else {
                    right = c;
                }
            } else if (!c.isNamed() && (c.getType().equals("&&") || c.getType().equals("||"))) {
                operator = c.getType();
            }
        }
        if (left == null) {
            return;
        }
        if (right == null || operator == null) {
            statement(left, outcome, exit, depth + 1);
            return;
        }
        Boolean constant = constantTruth(left);
        if (operator.equals("&&")) {
            statement(left, immune -> outcome.lost(true), exit, depth + 1);
            if (Boolean.FALSE.equals(constant)) {
                ignoredText(right, "never run (after false &&)");
            } else {
                statement(right, outcome, exit, depth + 1);
            }
            return;
        }
        String swallowed = swallowedBy(right);
        Outcome leftOutcome;
        if (swallowed != null) {
            leftOutcome = immune -> "where its failure is swallowed (|| " + swallowed + ")";
        } else if (exitsNonZero(right)) {
            leftOutcome = immune -> exit.lost(false);
        } else {
            // `tool || { echo failed; exit 1; }` and the like: what follows decides; counted as the failure's.
            leftOutcome = immune -> outcome.lost(false);
        }
        statement(left, leftOutcome, exit, depth + 1);
        if (Boolean.TRUE.equals(constant)) {
            ignoredText(right, "never run (after true ||)");
        } else {
            statement(right, outcome, exit, depth + 1);
        }
    }

    /** What after {@code ||} turns the failure into success ({@code true}, {@code exit 0}), or null. */
    private String swallowedBy(SyntaxNode right) {
        SyntaxNode command = simpleCommand(right);
        if (command == null) {
            return null;
        }
        String name = commandName(command);
        if (name == null) {
            return null;
        }
        if (SWALLOWERS.contains(name)) {
            return name;
        }
        List<SyntaxNode> args = arguments(command);
        if (name.equals("exit") && args.size() == 1 && "0".equals(word(args.get(0), 0))) {
            return "exit 0";
        }
        return null;
    }

    private boolean exitsNonZero(SyntaxNode node) {
        SyntaxNode command = simpleCommand(node);
        if (command == null) {
            if (node.getType().equals("compound_statement") || node.getType().equals("subshell")) {
                for (SyntaxNode c : children(node)) {
                    if (exitsNonZero(c)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (!"exit".equals(commandName(command))) {
            return false;
        }
        List<SyntaxNode> args = arguments(command);
        return args.isEmpty() || !"0".equals(word(args.get(0), 0));
    }

    private static SyntaxNode simpleCommand(SyntaxNode node) {
        SyntaxNode n = node;
        if (n.getType().equals("redirected_statement")) {
            n = n.getChildByFieldName("body");
        }
        return !n.isNull() && n.getType().equals("command") ? n : null;
    }

    /** {@code true}/{@code :} or {@code false} as a whole condition (possibly negated), else null. */
    private Boolean constantTruth(SyntaxNode node) {
        if (node.getType().equals("negated_command") && node.getNamedChildCount() == 1) {
            Boolean inner = constantTruth(node.getNamedChild(0));
            return inner == null ? null : !inner;
        }
        SyntaxNode command = simpleCommand(node);
        if (command == null || !arguments(command).isEmpty() && !"false".equals(commandName(command))) {
            return null;
        }
        String name = commandName(command);
        if ("true".equals(name) || ":".equals(name)) {
            return Boolean.TRUE;
        }
        return "false".equals(name) ? Boolean.FALSE : null;
    }

    private void ifStatement(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        List<SyntaxNode> conditions = new ArrayList<>();
        List<SyntaxNode> then = new ArrayList<>();
        List<SyntaxNode> alternatives = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            SyntaxNode c = node.getChild(i);
            if (!c.isNamed()) {
                continue;
            }
            if ("condition".equals(node.getFieldNameForChild(i))) {
                conditions.add(c);
            } else if (c.getType().equals("elif_clause") || c.getType().equals("else_clause")) {
                alternatives.add(c);
            } else {
                then.add(c);
            }
        }
        Boolean truth = conditions.size() == 1 ? constantTruth(conditions.get(0)) : null;
        condition(conditions, then, alternatives, exit, depth);
        if (Boolean.FALSE.equals(truth)) {
            for (SyntaxNode t : then) {
                ignoredText(t, "never run (if false)");
            }
        } else {
            block(then, outcome, exit, depth + 1);
        }
        for (SyntaxNode alternative : alternatives) {
            if (Boolean.TRUE.equals(truth)) {
                ignoredText(alternative, "never run (the if condition is always true)");
                continue;
            }
            if (alternative.getType().equals("elif_clause")) {
                // An elif is an if of its own inside the else branch.
                ifStatement(alternative, outcome, exit, depth + 1);
            } else {
                block(children(alternative), outcome, exit, depth + 1);
            }
        }
    }

    /** A failing condition selects a branch; it fails the step only when that branch exits non-zero. */
    private void condition(List<SyntaxNode> conditions, List<SyntaxNode> then, List<SyntaxNode> alternatives, Outcome exit, int depth) {
        for (SyntaxNode c : conditions) {
            boolean negated = c.getType().equals("negated_command");
            List<SyntaxNode> onFailure = negated ? then : alternatives.stream()
                    .filter(a -> a.getType().equals("else_clause")).flatMap(a -> children(a).stream()).toList();
            boolean exits = onFailure.stream().anyMatch(this::exitsNonZero);
            SyntaxNode inner = negated && c.getNamedChildCount() == 1 ? c.getNamedChild(0) : c;
            statement(inner, immune -> exits ? exit.lost(false) : "where its failure only chooses a branch of an if", exit, depth + 1);
        }
    }

    private void loop(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        SyntaxNode condition = node.getChildByFieldName("condition");
        SyntaxNode body = node.getChildByFieldName("body");
        Boolean truth = null;
        if (!condition.isNull()) {
            truth = constantTruth(condition);
            statement(condition, immune -> "where its failure only ends a loop", exit, depth + 1);
        }
        if (!body.isNull()) {
            boolean until = node.getChildCount() > 0 && node.getChild(0).getType().equals("until");
            if (Boolean.FALSE.equals(truth) && !until || Boolean.TRUE.equals(truth) && until) {
                ignoredText(body, "never run (a loop whose condition is false)");
            } else {
                block(children(body), outcome, exit, depth + 1);
            }
        }
    }

    private void forLoop(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        SyntaxNode variable = node.getChildByFieldName("variable");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            if ("value".equals(node.getFieldNameForChild(i))) {
                SyntaxNode v = node.getChild(i);
                String text = word(v, 0);
                values.add(text);
                add(v, ScriptUse.Kind.INERT, text, "only in a for list");
            }
        }
        if (!variable.isNull()) {
            String name = variable.text();
            if (values.size() == 1 && values.get(0) != null) {
                state.vars.put(name, values.get(0));
            } else {
                state.vars.remove(name);
            }
        }
        SyntaxNode body = node.getChildByFieldName("body");
        if (!body.isNull()) {
            block(children(body), outcome, exit, depth + 1);
        }
    }

    private void assignment(SyntaxNode node, Outcome outcome, int depth) {
        SyntaxNode name = node.getChildByFieldName("name");
        SyntaxNode value = node.getChildByFieldName("value");
        if (value.isNull()) {
            return;
        }
        substitutions(value, outcome, depth);
        String text = word(value, 0);
        add(value, ScriptUse.Kind.INERT, text, "only assigned to a variable");
        if (!name.isNull()) {
            String var = name.text();
            if (text == null) {
                state.vars.remove(var);
            } else {
                state.vars.put(var, text);
            }
        }
    }

    private void declaration(SyntaxNode node, int depth) {
        for (SyntaxNode c : children(node)) {
            if (c.getType().equals("variable_assignment")) {
                assignment(c, immune -> "where its status is lost to " + firstWord(node), depth + 1);
            } else if (c.getType().equals("variable_name") || c.getType().equals("word")) {
                add(c, ScriptUse.Kind.INERT, word(c, 0), "only a variable name");
            }
        }
    }

    private String firstWord(SyntaxNode node) {
        return node.getChildCount() > 0 ? node.getChild(0).getType() : "a declaration";
    }

    private void inertWords(SyntaxNode node, String because, int depth) {
        for (SyntaxNode c : children(node)) {
            if (!budget(c, depth)) {
                return;
            }
            if (isWord(c)) {
                add(c, ScriptUse.Kind.INERT, word(c, 0), because);
                substitutions(c, immune -> "where its failure is lost in a test", depth + 1);
            } else {
                inertWords(c, because, depth + 1);
            }
        }
    }

    private static boolean isWord(SyntaxNode n) {
        return switch (n.getType()) {
            case "word", "string", "raw_string", "concatenation", "simple_expansion", "expansion", "number", "ansi_c_string",
                    "command_substitution", "translated_string" -> true;
            default -> false;
        };
    }

    /** What a statement's redirections do: a heredoc, herestring or {@code <} file is the command's input. */
    private record Input(SyntaxNode node, String script, String file, String text) {}

    private void redirected(SyntaxNode node, Outcome outcome, Outcome exit, int depth) {
        SyntaxNode body = node.getChildByFieldName("body");
        Input input = null;
        List<SyntaxNode> writes = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            if (!"redirect".equals(node.getFieldNameForChild(i))) {
                continue;
            }
            SyntaxNode r = node.getChild(i);
            switch (r.getType()) {
                case "heredoc_redirect" -> {
                    for (SyntaxNode c : children(r)) {
                        if (c.getType().equals("heredoc_body")) {
                            input = new Input(c, c.text(), null, null);
                        } else if (c.getType().equals("pipeline") || c.getType().equals("command") || c.getType().equals("list")) {
                            // `cat <<EOF | bash`: what follows the heredoc start is part of the statement.
                            statement(c, outcome, exit, depth + 1);
                        }
                    }
                }
                case "herestring_redirect" -> {
                    SyntaxNode w = r.getNamedChildCount() > 0 ? r.getNamedChild(r.getNamedChildCount() - 1) : r;
                    input = new Input(w, word(w, 0), null, null);
                }
                case "file_redirect" -> {
                    SyntaxNode destination = r.getChildByFieldName("destination");
                    String operator = operator(r);
                    if (destination.isNull()) {
                        break;
                    }
                    String target = word(destination, 0);
                    if (operator.startsWith("<") && !operator.equals("<>")) {
                        input = new Input(destination, null, target, null);
                    } else if (!operator.contains("&") || operator.equals("&>") || operator.equals("&>>")) {
                        writes.add(destination);
                    }
                }
                default -> { }
            }
        }
        for (SyntaxNode w : writes) {
            if (!w.text().chars().allMatch(Character::isDigit) || w.getType().equals("word")) {
                add(w, ScriptUse.Kind.DISABLES, word(w, 0), "overwritten by a > redirection");
            }
        }
        if (body.isNull()) {
            return;
        }
        if (body.getType().equals("command")) {
            command(body, outcome, input, depth);
        } else {
            if (input != null && input.script() != null) {
                uses.add(new ScriptUse(line(input.node()), ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, input.script(),
                        "in a heredoc fed to a compound command (data, not run)"));
            }
            statement(body, outcome, exit, depth + 1);
        }
    }

    private static String operator(SyntaxNode redirect) {
        for (int i = 0; i < redirect.getChildCount(); i++) {
            SyntaxNode c = redirect.getChild(i);
            if (!c.isNamed()) {
                return c.getType();
            }
        }
        return ">";
    }

    private static List<SyntaxNode> arguments(SyntaxNode command) {
        List<SyntaxNode> args = new ArrayList<>();
        for (int i = 0; i < command.getChildCount(); i++) {
            if ("argument".equals(command.getFieldNameForChild(i))) {
                args.add(command.getChild(i));
            }
        }
        return args;
    }

    /** Commands inside {@code $(…)}, backquotes and {@code <(…)} of a word. */
    private void substitutions(SyntaxNode word, Outcome outcome, int depth) {
        List<SyntaxNode> pending = new ArrayList<>();
        pending.add(word);
        int guard = 0;
        while (!pending.isEmpty() && guard++ < 10_000) {
            SyntaxNode n = pending.remove(pending.size() - 1);
            String type = n.getType();
            if (type.equals("command_substitution") || type.equals("process_substitution")) {
                State saved = state;
                state = state.copy();
                block(children(n), outcome, outcome, depth + 1);
                state = saved;
            } else {
                for (int i = n.getNamedChildCount() - 1; i >= 0; i--) {
                    pending.add(n.getNamedChild(i));
                }
            }
        }
    }

    private void command(SyntaxNode node, Outcome outcome, Input input, int depth) {
        List<SyntaxNode> words = new ArrayList<>();
        for (int i = 0; i < node.getChildCount(); i++) {
            SyntaxNode c = node.getChild(i);
            String field = node.getFieldNameForChild(i);
            if ("name".equals(field)) {
                words.add(c.getNamedChildCount() == 1 ? c.getNamedChild(0) : c);
            } else if ("argument".equals(field)) {
                words.add(c);
            } else if (c.getType().equals("variable_assignment")) {
                SyntaxNode value = c.getChildByFieldName("value");
                if (!value.isNull()) {
                    add(value, ScriptUse.Kind.INERT, word(value, 0), "only assigned to a variable");
                }
            } else if (c.getType().equals("comment")) {
                ignoredText(c, "in a comment");
            }
        }
        Outcome lostInArgument = immune -> "where its failure is lost in a command substitution";
        for (int i = 0; i < words.size(); i++) {
            substitutions(words.get(i), i == 0 ? outcome : lostInArgument, depth);
        }
        List<String> texts = new ArrayList<>(words.size());
        for (SyntaxNode w : words) {
            texts.add(word(w, 0));
        }
        int at = skipWrappers(texts);
        if (at >= words.size()) {
            return;
        }
        String failure = outcome.lost(false);
        for (int i = 0; i < at; i++) {
            add(words.get(i), ScriptUse.Kind.INERT, texts.get(i), "only an option of a wrapper command");
        }
        String programText = texts.get(at);
        String program = programText == null ? "" : baseName(programText).toLowerCase(Locale.ROOT);
        // A program name without a slash is looked up in PATH, never in the working directory.
        if (programText != null && programText.indexOf('/') < 0) {
            uses.add(new ScriptUse(line(words.get(at)), ScriptUse.Kind.RUNS, ScriptPath.NONE, programText, failure));
        } else {
            add(words.get(at), ScriptUse.Kind.RUNS, programText, failure);
        }
        List<SyntaxNode> argNodes = words.subList(at + 1, words.size());
        List<String> args = texts.subList(at + 1, texts.size());
        switch (program) {
            case "cd", "pushd" -> {
                cd(args);
                inert(argNodes, args, "only a directory changed to");
            }
            case "popd" -> state.cwd = null;
            case "set" -> {
                set(args);
            }
            case "source", "." -> operands(argNodes, args, 0, failure, program);
            default -> {
                if (SHELLS.contains(program)) {
                    shellCommand(program, argNodes, args, failure, input, outcome, depth);
                } else if (INTERPRETERS.contains(program)) {
                    interpreter(program, argNodes, args, failure, input);
                } else if (DIRECTORY_RUNNERS.contains(program)) {
                    directoryRunner(argNodes, args, failure);
                } else if (REMOVERS.contains(program)) {
                    for (int i = 0; i < args.size(); i++) {
                        add(argNodes.get(i), ScriptUse.Kind.DISABLES, args.get(i), "removed by " + program);
                    }
                } else if (OVERWRITERS.contains(program)) {
                    for (int i = 0; i < args.size(); i++) {
                        boolean lastArg = i == args.size() - 1 && args.size() > 1;
                        add(argNodes.get(i), lastArg ? ScriptUse.Kind.DISABLES : ScriptUse.Kind.INERT, args.get(i),
                                lastArg ? "overwritten by " + program : "only copied by " + program + ", not run");
                    }
                } else if (program.equals("tee")) {
                    for (int i = 0; i < args.size(); i++) {
                        add(argNodes.get(i), ScriptUse.Kind.DISABLES, args.get(i), "overwritten by tee");
                    }
                } else if (program.equals("sed") && args.stream().anyMatch(a -> a != null && a.startsWith("-i"))) {
                    for (int i = 0; i < args.size(); i++) {
                        add(argNodes.get(i), ScriptUse.Kind.DISABLES, args.get(i), "edited in place by sed -i");
                    }
                } else if (INERT.contains(program)) {
                    inert(argNodes, args, "only as an argument of " + program + ", which does not run it");
                } else {
                    for (int i = 0; i < args.size(); i++) {
                        argument(argNodes.get(i), args.get(i), failure);
                    }
                }
                heredoc(input, program);
            }
        }
    }

    private void heredoc(Input input, String program) {
        if (input != null && input.script() != null) {
            uses.add(new ScriptUse(line(input.node()), ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, input.script(),
                    "in a heredoc fed to " + (program.isEmpty() ? "a command" : program) + " (data, not run)"));
        } else if (input != null && input.file() != null) {
            add(input.node(), ScriptUse.Kind.INERT, input.file(), "only read as the input of " + program);
        }
    }

    private void inert(List<SyntaxNode> nodes, List<String> texts, String because) {
        for (int i = 0; i < nodes.size(); i++) {
            add(nodes.get(i), ScriptUse.Kind.INERT, texts.get(i), because);
        }
    }

    /** An argument of a program that may run it; {@code --opt=path} is read as the path. */
    private void argument(SyntaxNode node, String text, String failure) {
        if (text != null && text.startsWith("-") && text.indexOf('=') > 0) {
            add(node, ScriptUse.Kind.ARGUMENT, text.substring(text.indexOf('=') + 1), failure);
        } else {
            add(node, ScriptUse.Kind.ARGUMENT, text, failure);
        }
    }

    /** The index of the program after wrappers such as {@code sudo -E}, {@code env A=1}, {@code timeout 5m}. */
    private static int skipWrappers(List<String> texts) {
        int i = 0;
        while (i < texts.size() && texts.get(i) != null && WRAPPERS.contains(baseName(texts.get(i)))) {
            String wrapper = baseName(texts.get(i));
            i++;
            while (i < texts.size() && texts.get(i) != null
                    && (texts.get(i).startsWith("-") || wrapper.equals("env") && texts.get(i).contains("="))) {
                i++;
            }
            if (wrapper.equals("timeout") && i < texts.size()) {
                i++;
            }
        }
        return i;
    }

    private static String baseName(String text) {
        String t = text;
        int slash = t.lastIndexOf('/');
        return slash < 0 ? t : t.substring(slash + 1);
    }

    private void cd(List<String> args) {
        List<String> operands = args.stream().filter(a -> a == null || !a.startsWith("-") || a.equals("-")).toList();
        if (operands.isEmpty()) {
            state.cwd = OUTSIDE_DIRECTORY; // $HOME
            return;
        }
        String target = operands.get(0);
        if (target == null || target.equals("-")) {
            state.cwd = null;
            return;
        }
        if (target.indexOf(ScriptPath.OUTSIDE) >= 0 || target.startsWith("/") || target.startsWith("~")) {
            state.cwd = OUTSIDE_DIRECTORY;
            return;
        }
        if (OUTSIDE_DIRECTORY.equals(state.cwd) && target.charAt(0) != ScriptPath.ROOT) {
            return;
        }
        ScriptPath p = ScriptPath.resolve(state.cwd, target);
        state.cwd = p.path() == null || p.note() != null ? null : p.path();
    }

    private void set(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null || a.length() < 2 || a.charAt(0) != '-' && a.charAt(0) != '+') {
                continue;
            }
            boolean on = a.charAt(0) == '-';
            if (a.equals("--")) {
                break;
            }
            if (a.indexOf('e', 1) > 0) {
                state.errexit = on;
            }
            if (a.indexOf('o', 1) > 0 && i + 1 < args.size()) {
                String option = args.get(++i);
                if ("pipefail".equals(option)) {
                    state.pipefail = on;
                } else if ("errexit".equals(option)) {
                    state.errexit = on;
                }
            }
        }
    }

    private void shellCommand(String program, List<SyntaxNode> nodes, List<String> args, String failure, Input input, Outcome outcome,
            int depth) {
        boolean syntaxOnly = false;
        boolean errexit = false;
        boolean pipefail = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null) {
                argumentsFrom(nodes, args, i, failure);
                return;
            }
            if (a.equals("-c") || a.startsWith("-") && !a.startsWith("--") && a.indexOf('c') > 0 && a.length() <= 6) {
                if (i + 1 < args.size()) {
                    nestedShell(nodes.get(i + 1), args.get(i + 1), a.indexOf('e') > 0 || errexit, pipefail, outcome, depth);
                    inert(nodes.subList(i + 2, nodes.size()), args.subList(i + 2, args.size()), "only an argument passed to a bash -c command");
                }
                return;
            }
            if (a.equals("-o") && i + 1 < args.size()) {
                pipefail |= "pipefail".equals(args.get(i + 1));
                errexit |= "errexit".equals(args.get(i + 1));
                add(nodes.get(i + 1), ScriptUse.Kind.INERT, args.get(i + 1), "only an option");
                i++;
                continue;
            }
            if (a.startsWith("-") && !a.equals("-") && !a.equals("--")) {
                if (!a.startsWith("--")) {
                    syntaxOnly |= a.indexOf('n', 1) > 0;
                    errexit |= a.indexOf('e', 1) > 0;
                }
                add(nodes.get(i), ScriptUse.Kind.INERT, a, "only an option");
                continue;
            }
            int script = a.equals("--") ? i + 1 : i;
            if (syntaxOnly) {
                inert(nodes.subList(script, nodes.size()), args.subList(script, args.size()),
                        "only checked for syntax (" + program + " -n), not run");
                return;
            }
            operands(nodes, args, script, failure, program);
            return;
        }
        // No script operand: the shell reads its script from the input.
        if (input != null && input.script() != null && !syntaxOnly) {
            if (nestedShells < MAX_NESTED_SHELLS) {
                State inner = state.copy();
                inner.errexit = errexit;
                inner.pipefail = pipefail;
                run(input.script(), line(input.node()), uses, shell, inner, nestedShells + 1, immune -> outcome.lost(false), tools);
            } else {
                uses.add(new ScriptUse(line(input.node()), ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, input.script(),
                        "in shells nested more than " + MAX_NESTED_SHELLS + " deep, not analysed"));
            }
        } else if (input != null && input.file() != null) {
            add(input.node(), syntaxOnly ? ScriptUse.Kind.INERT : ScriptUse.Kind.RUNS, input.file(),
                    syntaxOnly ? "only checked for syntax (" + program + " -n), not run" : failure);
        } else if (input != null && input.script() != null) {
            uses.add(new ScriptUse(line(input.node()), ScriptUse.Kind.IGNORED_TEXT, ScriptPath.NONE, input.script(),
                    "only checked for syntax (" + program + " -n), not run"));
        }
    }

    private void nestedShell(SyntaxNode node, String command, boolean errexit, boolean pipefail, Outcome outcome, int depth) {
        if (command == null || command.indexOf(ScriptPath.UNKNOWN) >= 0) {
            add(node, ScriptUse.Kind.ARGUMENT, command, outcome.lost(false));
            return;
        }
        if (nestedShells >= MAX_NESTED_SHELLS) {
            ignoredText(node, "in shells nested more than " + MAX_NESTED_SHELLS + " deep, not analysed");
            return;
        }
        State inner = state.copy();
        inner.errexit = errexit;
        inner.pipefail = pipefail;
        // The command string's markers (unknown variables) were expanded by the outer shell already.
        run(command.replace(ScriptPath.ROOT + "", "$GITHUB_WORKSPACE").replace(ScriptPath.OUTSIDE + "", "$RUNNER_TEMP"),
                line(node), uses, shell, inner, nestedShells + 1, immune -> outcome.lost(false), tools);
    }

    /** The script operand at {@code index} runs; what follows it is passed to that script. */
    private void operands(List<SyntaxNode> nodes, List<String> args, int index, String failure, String program) {
        if (index >= nodes.size()) {
            return;
        }
        add(nodes.get(index), ScriptUse.Kind.RUNS, args.get(index), failure);
        argumentsFrom(nodes, args, index + 1, failure);
    }

    private void argumentsFrom(List<SyntaxNode> nodes, List<String> args, int from, String failure) {
        for (int i = from; i < nodes.size(); i++) {
            argument(nodes.get(i), args.get(i), failure);
        }
    }

    private void interpreter(String program, List<SyntaxNode> nodes, List<String> args, String failure, Input input) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a == null) {
                argumentsFrom(nodes, args, i, failure);
                return;
            }
            if (a.equals("-m") && i + 1 < args.size() && program.startsWith("py")) {
                String module = args.get(i + 1);
                if ("pytest".equals(module) || "py.test".equals(module)) {
                    directoryRunner(nodes.subList(i + 2, nodes.size()), args.subList(i + 2, args.size()), failure);
                } else {
                    String path = module == null ? null : module.replace('.', '/') + ".py";
                    add(nodes.get(i + 1), ScriptUse.Kind.RUNS, path, failure);
                    argumentsFrom(nodes, args, i + 2, failure);
                }
                return;
            }
            if ((a.equals("-c") || a.equals("-e")) && i + 1 < args.size()) {
                // Inline code: the tool's path in it is text the interpreter runs.
                String code = args.get(i + 1);
                uses.add(new ScriptUse(line(nodes.get(i + 1)), ScriptUse.Kind.TEXT, ScriptPath.NONE,
                        code == null ? nodes.get(i + 1).text() : code, failure));
                return;
            }
            if (a.startsWith("-") && !a.equals("-")) {
                add(nodes.get(i), ScriptUse.Kind.INERT, a, "only an option");
                continue;
            }
            operands(nodes, args, i, failure, program);
            return;
        }
        if (input != null && input.script() != null) {
            uses.add(new ScriptUse(line(input.node()), ScriptUse.Kind.TEXT, ScriptPath.NONE, input.script(), failure));
        } else if (input != null && input.file() != null) {
            add(input.node(), ScriptUse.Kind.RUNS, input.file(), failure);
        }
    }

    private void directoryRunner(List<SyntaxNode> nodes, List<String> args, String failure) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a != null && a.startsWith("--")) {
                String option = a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
                if (PYTEST_DISABLERS.contains(option)) {
                    String value = a.indexOf('=') > 0 ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
                    SyntaxNode at = a.indexOf('=') > 0 ? nodes.get(i) : nodes.get(i);
                    if (value != null && value.contains("::")) {
                        value = value.substring(0, value.indexOf("::"));
                    }
                    uses.add(new ScriptUse(line(at), ScriptUse.Kind.DISABLES, directoryOrFile(value), value,
                            "excluded by " + option));
                    continue;
                }
            }
            if (a != null && a.startsWith("-") && a.indexOf('=') > 0) {
                add(nodes.get(i), ScriptUse.Kind.DIRECTORY, a.substring(a.indexOf('=') + 1), failure);
                continue;
            }
            String value = a != null && a.contains("::") ? a.substring(0, a.indexOf("::")) : a;
            add(nodes.get(i), ScriptUse.Kind.DIRECTORY, value, failure);
        }
    }

    private ScriptPath directoryOrFile(String value) {
        return resolve(value);
    }

    /**
     * A word's static text: literal parts as the shell passes them, variables known statically
     * substituted, every other expansion {@link ScriptPath#UNKNOWN}; null for a word with no text.
     */
    private String word(SyntaxNode node, int depth) {
        if (node.isNull()) {
            return null;
        }
        if (depth > 20) {
            return String.valueOf(ScriptPath.UNKNOWN);
        }
        if (!node.expanded()) {
            // Not copied: its text names no tool; a quoted literal is still read for options such as "-n".
            String t = node.text();
            if (t.indexOf('$') >= 0 || t.indexOf('`') >= 0) {
                return String.valueOf(ScriptPath.UNKNOWN);
            }
            if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
                return t.substring(1, t.length() - 1);
            }
            return unescape(t);
        }
        switch (node.getType()) {
            case "word", "command_name" -> {
                if (node.getType().equals("command_name") && node.getNamedChildCount() == 1) {
                    return word(node.getNamedChild(0), depth + 1);
                }
                return unescape(node.text());
            }
            case "number", "variable_name" -> {
                return node.text();
            }
            case "raw_string" -> {
                String t = node.text();
                return t.length() >= 2 ? t.substring(1, t.length() - 1) : "";
            }
            case "string", "concatenation", "translated_string" -> {
                StringBuilder b = new StringBuilder();
                int childCount = node.getChildCount();
                for (int i = 0; i < childCount; i++) {
                    SyntaxNode c = node.getChild(i);
                    if (!c.isNamed()) {
                        String t = c.getType();
                        if (!t.equals("\"") && !t.equals("$\"")) {
                            b.append(c.text());
                        }
                        continue;
                    }
                    if (c.getType().equals("string_content")) {
                        b.append(unescapeQuoted(c.text()));
                    } else {
                        String part = word(c, depth + 1);
                        b.append(part == null ? String.valueOf(ScriptPath.UNKNOWN) : part);
                    }
                }
                return b.toString();
            }
            case "simple_expansion", "expansion" -> {
                return variable(node);
            }
            case "ansi_c_string" -> {
                String t = node.text();
                return t.length() >= 3 ? t.substring(2, t.length() - 1) : "";
            }
            default -> {
                return String.valueOf(ScriptPath.UNKNOWN);
            }
        }
    }

    private String variable(SyntaxNode node) {
        // $X and ${X} only: any operator (${X:-d}, ${#X}) makes the value unknown.
        String t = node.text();
        String name = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t.substring(1);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return String.valueOf(ScriptPath.UNKNOWN);
        }
        if (ScriptPath.ROOT_VARIABLES.contains(name)) {
            return String.valueOf(ScriptPath.ROOT);
        }
        if (ScriptPath.OUTSIDE_VARIABLES.contains(name)) {
            return String.valueOf(ScriptPath.OUTSIDE);
        }
        if (name.equals("PWD")) {
            return state.cwd == null ? String.valueOf(ScriptPath.UNKNOWN)
                    : OUTSIDE_DIRECTORY.equals(state.cwd) ? OUTSIDE_DIRECTORY : ScriptPath.ROOT + "/" + state.cwd;
        }
        String value = state.vars.get(name);
        return value == null ? String.valueOf(ScriptPath.UNKNOWN) : value;
    }

    /** A word outside quotes: a backslash escapes any character. */
    private static String unescape(String text) {
        return unescape(text, null);
    }

    /** Inside double quotes a backslash escapes only {@code $ ` " \} and a newline. */
    private static String unescapeQuoted(String text) {
        return unescape(text, "$`\"\\\n");
    }

    private static String unescape(String text, String escapable) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (escapable == null || escapable.indexOf(text.charAt(i + 1)) >= 0)) {
                b.append(text.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
