package dev.root24.ci;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * A word of a script resolved to a repository path. A word's static text marks what is not
 * literal: {@link #UNKNOWN} (a variable or substitution not known statically), {@link #ROOT}
 * ({@code $GITHUB_WORKSPACE}: the repository root) and {@link #OUTSIDE} ({@code $RUNNER_TEMP},
 * {@code $HOME}...: never the repository).
 *
 * @param path repository-relative and normalised ({@code ""} is the root), or null when the word
 *     is not a repository path (outside it, or not known statically)
 * @param note why the resolution is an assumption (an unknown directory before the path), or null
 */
record ScriptPath(String path, String note) {

    static final char UNKNOWN = '\u0000';
    static final char ROOT = '\u0001';
    static final char OUTSIDE = '\u0002';

    /** Variables that hold the checkout, and directories outside it. */
    static final Set<String> ROOT_VARIABLES = Set.of("GITHUB_WORKSPACE", "CI_PROJECT_DIR");
    static final Set<String> OUTSIDE_VARIABLES = Set.of("RUNNER_TEMP", "RUNNER_TOOL_CACHE", "HOME", "TMPDIR", "TMP", "TEMP",
            "GITHUB_ACTION_PATH", "RUNNER_WORKSPACE");

    static final ScriptPath NONE = new ScriptPath(null, null);

    /**
     * Resolves a word's static text against {@code cwd} (repository-relative, or null when the
     * working directory is not known statically).
     */
    static ScriptPath resolve(String cwd, String text) {
        if (text == null || text.isEmpty() || text.indexOf(OUTSIDE) >= 0) {
            return NONE;
        }
        String note = null;
        String rest = text;
        String base = cwd;
        if (rest.charAt(0) == ROOT) {
            base = "";
            rest = rest.substring(1);
        } else if (rest.charAt(0) == UNKNOWN && rest.length() > 1 && rest.charAt(1) == '/') {
            // "$DIR/12_tooling/x.sh": only a full repository path after an unknown directory is read as one.
            base = "";
            rest = rest.substring(1);
            note = "after a directory not known statically, read from the repository root";
        } else if (rest.charAt(0) == '/' || rest.charAt(0) == '~') {
            return NONE;
        }
        if (rest.indexOf(UNKNOWN) >= 0 || rest.indexOf(ROOT) >= 0) {
            return NONE;
        }
        if (base == null) {
            base = "";
            note = "the working directory is not known statically, read from the repository root";
        }
        String normalised = normalise(base, rest);
        return normalised == null ? NONE : new ScriptPath(normalised, note);
    }

    /** {@code relative} joined to {@code base} with {@code .} and {@code ..} applied; null when it leaves the root. */
    static String normalise(String base, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : (base + "/" + relative.replace('\\', '/')).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

    /** A directory as written in YAML ({@code working-directory}), with {@code $GITHUB_WORKSPACE} and the like. */
    static String directory(String text) {
        String t = text.strip();
        for (String v : ROOT_VARIABLES) {
            for (String form : new String[] {"$" + v, "${" + v + "}"}) {
                if (t.startsWith(form)) {
                    t = ROOT + t.substring(form.length());
                }
            }
        }
        if (t.indexOf('$') >= 0) {
            return null;
        }
        ScriptPath p = resolve("", t);
        return p.note() == null ? p.path() : null;
    }
}
