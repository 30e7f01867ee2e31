package dev.root24.ci;

/**
 * A piece of a referencing file: text that would run ({@code ignoredBecause == null}) or text
 * that would not, with the reason (a comment, a step name, a disabled step...).
 *
 * @param line 1-based line of the text in the file
 * @param where the place in the file's structure (e.g. {@code jobs.gate.steps[2].run}); may be empty
 * @param text one line of text
 * @param ignoredBecause why the text does not run, or null when it does
 */
record Fragment(int line, String where, String text, String ignoredBecause) {

    static Fragment runs(int line, String where, String text) {
        return new Fragment(line, where, text, null);
    }

    static Fragment ignored(int line, String where, String text, String because) {
        return new Fragment(line, where, text, because);
    }

    boolean runs() {
        return ignoredBecause == null;
    }
}
