package dev.root24.ci;

/**
 * A piece of a referencing file: text that would run ({@code ignoredBecause == null}) or text
 * that would not, with the reason (a comment, a step name, a disabled step...).
 *
 * @param line 1-based line of the text in the file
 * @param where the place in the file's structure (e.g. {@code jobs.gate.steps[2].run}); may be empty
 * @param text one line of text
 * @param ignoredBecause why the text does not run, or null when it does
 * @param countsBecause for text that runs: why it counts ({@code triggered by push to main; failure
 *     fails job build}), or null when there is nothing to say (plain text files)
 * @param failure for text that runs: whether a failure of what starts at a column fails the job
 */
record Fragment(int line, String where, String text, String ignoredBecause, String countsBecause, FailureCheck failure) {

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
        return new Fragment(line, where, text, null, null, FailureCheck.FAILS);
    }

    static Fragment runs(int line, String where, String text, String countsBecause, FailureCheck failure) {
        return new Fragment(line, where, text, null, countsBecause, failure);
    }

    static Fragment ignored(int line, String where, String text, String because) {
        return new Fragment(line, where, text, because, null, null);
    }

    boolean runs() {
        return ignoredBecause == null;
    }
}
