package dev.root24.ci;

import java.util.Set;

/**
 * Whether a failing command in a {@code run:} script fails the step: the common ways to swallow a
 * failure ({@code || true}, {@code set +e} then a later command, a pipe without pipefail, a
 * background {@code &}). It reads one logical line around the call and the {@code set} commands
 * before it; control flow (if, functions, subshells) is left to a real shell parser, a later step.
 */
final class ScriptFailure {

    /** Commands after {@code ||} that turn a failure into success. */
    private static final Set<String> SWALLOWERS = Set.of("true", ":", "echo", "printf");

    private final String[] lines;
    private final StepShell shell;
    private final boolean[] errexitAt;
    private final boolean[] pipefailAt;
    /** The last line (0-based) with a command, -1 when none: a failure before it is decided by what follows. */
    private final int lastCommandLine;

    private ScriptFailure(String[] lines, StepShell shell) {
        this.lines = lines;
        this.shell = shell;
        int n = lines.length;
        errexitAt = new boolean[n];
        pipefailAt = new boolean[n];
        boolean errexit = shell.errexit();
        boolean pipefail = shell.pipefail();
        int last = -1;
        for (int i = 0; i < n; i++) {
            errexitAt[i] = errexit;
            pipefailAt[i] = pipefail;
            if (shell.shellSyntax()) {
                boolean[] state = applySet(lines[i], errexit, pipefail);
                errexit = state[0];
                pipefail = state[1];
            }
            if (!lines[i].isBlank()) {
                last = i;
            }
        }
        lastCommandLine = last;
    }

    /** The errexit and pipefail options after the {@code set} commands in {@code text}. */
    private static boolean[] applySet(String text, boolean errexit, boolean pipefail) {
        for (String segment : text.split(";|&&|\\|\\|")) {
            String[] words = segment.strip().split("\\s+");
            if (words.length < 2 || !words[0].equals("set")) {
                continue;
            }
            for (int w = 1; w < words.length; w++) {
                String word = words[w];
                if (word.length() < 2 || word.charAt(0) != '-' && word.charAt(0) != '+') {
                    continue;
                }
                boolean on = word.charAt(0) == '-';
                if (word.indexOf('e', 1) > 0) {
                    errexit = on;
                }
                if (word.indexOf('o', 1) > 0 && w + 1 < words.length) {
                    if (words[w + 1].equals("pipefail")) {
                        pipefail = on;
                    } else if (words[w + 1].equals("errexit")) {
                        errexit = on;
                    }
                }
            }
        }
        return new boolean[] {errexit, pipefail};
    }

    /** The analysis of a script given as its lines with comments already removed. */
    static ScriptFailure of(String[] codeLines, StepShell shell) {
        return new ScriptFailure(codeLines, shell);
    }

    /** The check for a reference found on line {@code index} (0-based). */
    Fragment.FailureCheck at(int index) {
        return column -> notFailing(index, column);
    }

    private String notFailing(int index, int column) {
        boolean later = lastCommandLine > index;
        if (!shell.shellSyntax()) {
            return !errexitAt[index] && later ? "where " + shell.name() + " ignores a failure that a later command follows" : null;
        }
        // The call's command ends at the first unquoted operator after the reference's word.
        StringBuilder tail = new StringBuilder(lines[index].substring(column));
        int next = index;
        while (tail.toString().stripTrailing().endsWith("\\") && next + 1 < lines.length) {
            String t = tail.toString().stripTrailing();
            tail.setLength(0);
            tail.append(t, 0, t.length() - 1).append(' ').append(lines[++next]);
            later = lastCommandLine > next;
        }
        String rest = tail.toString();
        boolean[] before = applySet(lines[index].substring(0, column), errexitAt[index], pipefailAt[index]);
        boolean errexit = before[0];
        boolean pipefail = before[1];
        int i = 0;
        while (i < rest.length() && !Character.isWhitespace(rest.charAt(i)) && ";|&".indexOf(rest.charAt(i)) < 0) {
            i++;
        }
        char quote = 0;
        for (; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"') {
                    i++;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if (c == '|' && i + 1 < rest.length() && rest.charAt(i + 1) == '|') {
                String after = rest.substring(i + 2).strip();
                String word = after.split("[\\s;]+", 2)[0];
                if (SWALLOWERS.contains(word)) {
                    return "where its failure is swallowed (|| " + word + ")";
                }
                if (after.matches("exit\\s+0(\\s.*|;.*)?")) {
                    return "where its failure is swallowed (|| exit 0)";
                }
                return null;
            } else if (c == '|') {
                return pipefail ? null : "where its failure is lost in a pipe (no pipefail in " + shell.name() + ")";
            } else if (c == '&' && i + 1 < rest.length() && rest.charAt(i + 1) == '&') {
                // In `x && y` a failing x never triggers errexit; a later command decides the status.
                return later || rest.substring(i + 2).contains(";")
                        ? "where its failure is ignored (&& list followed by more commands)" : null;
            } else if (c == '&' && (i > 0 && (rest.charAt(i - 1) == '>' || rest.charAt(i - 1) == '<')
                    || i + 1 < rest.length() && rest.charAt(i + 1) == '>')) {
                continue; // a redirection: 2>&1, &>log
            } else if (c == '&') {
                return "where it runs in the background and its failure is never waited for";
            } else if (c == ';') {
                if (!errexit && (later || !rest.substring(i + 1).isBlank())) {
                    return "where its failure does not stop the script (" + noErrexit(index) + ") and a later command decides the exit status";
                }
                return null;
            }
        }
        if (!errexit && later) {
            return "where its failure does not stop the script (" + noErrexit(index) + ") and a later command decides the exit status";
        }
        return null;
    }

    private String noErrexit(int index) {
        return shell.errexit() ? "set +e before it" : "no errexit in " + shell.name();
    }
}
