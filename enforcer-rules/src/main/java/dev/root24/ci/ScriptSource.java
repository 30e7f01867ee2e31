package dev.root24.ci;

import java.util.List;

/**
 * A whole script handed over for analysis: a {@code run:} or {@code script:} block, an action
 * input holding a script, or a referencing file in a parsed language. It is parsed only when it
 * may mention a tool (see {@link ToolPattern#mayAppearIn}).
 *
 * @param language the parser to read it with
 * @param commands true to analyse the commands it runs (a shell step); false to read it as source
 *     text whose code (not comments, docstrings or dead code) names the tool
 * @param text the script
 * @param firstLine the 1-based line of its first line in the file
 * @param shell how the step runs it (errexit, pipefail); {@link StepShell#DEFAULT} when not a step
 * @param context working directory and variables it starts with
 * @param directory the repository-relative directory bare names and relative imports are read
 *     from; null when unknown
 * @param itemLines for a script joined from a list (GitLab {@code script:}), the first line of
 *     each item, so that a reference names its item ({@code job.script[1]}); empty otherwise
 * @param calledFromLine for a script of a followed file (a reusable workflow, a local action, a
 *     GitLab include), the line of the listed file that calls it: what it finds is reported there,
 *     in the file the result belongs to, not at a line of another file; 0 otherwise
 */
record ScriptSource(ScriptLanguage language, boolean commands, String text, int firstLine, StepShell shell, StepContext context,
        String directory, List<Integer> itemLines, int calledFromLine) {

    ScriptSource {
        itemLines = List.copyOf(itemLines);
    }

    ScriptSource(ScriptLanguage language, boolean commands, String text, int firstLine, StepShell shell, StepContext context,
            String directory, List<Integer> itemLines) {
        this(language, commands, text, firstLine, shell, context, directory, itemLines, 0);
    }

    ScriptSource(ScriptLanguage language, boolean commands, String text, int firstLine, StepShell shell, StepContext context,
            String directory) {
        this(language, commands, text, firstLine, shell, context, directory, List.of(), 0);
    }

    /**
     * The same script, found through a call on {@code line}; a call inside a followed file is
     * wrapped again by the call that led there, so the last wrapping, the listed file's line, wins.
     */
    ScriptSource calledFrom(int line) {
        return new ScriptSource(language, commands, text, firstLine, shell, context, directory, itemLines, line);
    }

    /** Where a finding at {@code line} of the script is reported in the listed file. */
    int reported(int line) {
        return calledFromLine > 0 ? calledFromLine : line;
    }

    /** The place of a line: {@code where} itself, or the item of a joined list that holds the line. */
    String where(String where, int line) {
        int item = -1;
        for (int i = 0; i < itemLines.size() && itemLines.get(i) <= line; i++) {
            item = i;
        }
        return item < 0 ? where : where + "[" + item + "]";
    }

    /** The script and the values of its context: where a tool's name could come from. */
    boolean mayReference(ToolPattern tool) {
        if (tool.mayAppearIn(text)) {
            return true;
        }
        if (context.workingDirectory() != null && tool.mayAppearIn(context.workingDirectory())) {
            return true;
        }
        for (String value : context.env().values()) {
            if (tool.mayAppearIn(value)) {
                return true;
            }
        }
        for (String value : context.matrix().values()) {
            if (tool.mayAppearIn(value)) {
                return true;
            }
        }
        return false;
    }
}
