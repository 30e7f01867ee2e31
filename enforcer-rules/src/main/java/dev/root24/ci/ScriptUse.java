package dev.root24.ci;

/**
 * What a script does with one word or piece of text that may name a tool, as the script's parser
 * found it.
 *
 * @param line 1-based line in the referencing file
 * @param kind what the script does with it
 * @param path the word resolved against the working directory ({@link ScriptPath#NONE} for text)
 * @param text the word's static text, or the text of a {@link Kind#TEXT} or {@link Kind#IGNORED_TEXT}
 *     use, searched with the tool's pattern
 * @param because for a use that would count: why a failure does not fail the job (null when it
 *     does); for any other use: why it does not count
 */
record ScriptUse(int line, Kind kind, ScriptPath path, String text, String because) {

    enum Kind {
        /** The program run, the script an interpreter runs, a sourced file. */
        RUNS,
        /** An argument of a program that may run it (pytest, pre-commit --config...). */
        ARGUMENT,
        /** A directory whose files a test runner or policy engine runs (pytest dir, opa -d dir). */
        DIRECTORY,
        /** A word that does not run (an argument of echo, a variable assignment, a syntax check). */
        INERT,
        /** A command that removes or overwrites the file: it counts against the tool. */
        DISABLES,
        /** Text that runs where no word structure is known (a heredoc fed to an interpreter). */
        TEXT,
        /** Text that does not run: a comment, an unreachable statement, a heredoc fed to cat. */
        IGNORED_TEXT
    }

    /** Whether the use would count for a tool it names, if the failure reached the job. */
    boolean wouldCount() {
        return kind == Kind.RUNS || kind == Kind.ARGUMENT || kind == Kind.DIRECTORY || kind == Kind.TEXT;
    }

    /** Whether this use names the tool: by resolved path for words, by the pattern for text. */
    boolean names(ToolPattern tool, String directory) {
        return switch (kind) {
            case TEXT -> tool.findStrict(text, directory) >= 0;
            case IGNORED_TEXT -> tool.matches(text);
            case DIRECTORY -> path.path() != null && tool.isAtOrBelow(path.path());
            default -> path.path() != null && tool.path().equals(path.path());
        };
    }
}
