package dev.root24.ci;

/**
 * A piece of a referencing file: text that would run ({@code ignoredBecause == null}) or text
 * that would not, with the reason (a comment, a step name, a disabled step...), or a whole
 * {@link ScriptSource script} whose parser decides.
 *
 * @param line 1-based line of the text in the file
 * @param where the place in the file's structure (e.g. {@code jobs.gate.steps[2].run}); may be empty
 * @param text one line of text (a script's whole text)
 * @param ignoredBecause why the text does not run, or null when it does
 * @param countsBecause for text that runs: why it counts ({@code triggered by push to main; failure
 *     fails job build}), or null when there is nothing to say (plain text files)
 * @param failure for text that runs: whether a failure of what starts at a column fails the job
 * @param script the script to analyse, or null for a line of text
 */
record Fragment(int line, String where, String text, String ignoredBecause, String countsBecause, FailureCheck failure,
        ScriptSource script) {

    /** Says why a failure of the command that starts at {@code column} does not fail the job, or null when it does. */
    @FunctionalInterface
    interface FailureCheck {
        FailureCheck FAILS = column -> null;

        String notFailing(int column);
    }

    Fragment {
        failure = failure == null ? FailureCheck.FAILS : failure;
    }

    static Fragment runs(int line, String where, String text) {
        return new Fragment(line, where, text, null, null, FailureCheck.FAILS, null);
    }

    static Fragment runs(int line, String where, String text, String countsBecause, FailureCheck failure) {
        return new Fragment(line, where, text, null, countsBecause, failure, null);
    }

    static Fragment ignored(int line, String where, String text, String because) {
        return new Fragment(line, where, text, because, null, null, null);
    }

    /** A script that runs (when the step runs) for {@code countsBecause}; its parser finds what in it counts. */
    static Fragment script(String where, ScriptSource script, String countsBecause) {
        return new Fragment(script.firstLine(), where, script.text(), null, countsBecause, FailureCheck.FAILS, script);
    }

    boolean runs() {
        return ignoredBecause == null;
    }
}
