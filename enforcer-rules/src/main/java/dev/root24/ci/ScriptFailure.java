package dev.root24.ci;

/**
 * Whether a failing line of a script in a language without a parser here (PowerShell, cmd) or
 * read as source text (Python) fails the step: without errexit, a later line decides the exit
 * status. Shell scripts are analysed command by command instead ({@link ShellScript}).
 */
final class ScriptFailure {

    private ScriptFailure() {}

    /** The check for code on line {@code index} (0-based) of lines whose last code line is {@code lastCodeLine}. */
    static Fragment.FailureCheck at(StepShell shell, int index, int lastCodeLine) {
        if (shell == null || shell.errexit() || lastCodeLine <= index) {
            return Fragment.FailureCheck.FAILS;
        }
        String why = "where " + shell.name() + " ignores a failure that a later command follows";
        return column -> why;
    }

    /** The last index of a line with code, -1 when none. */
    static int lastCodeLine(String[] codeLines) {
        for (int i = codeLines.length - 1; i >= 0; i--) {
            if (!codeLines[i].isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
