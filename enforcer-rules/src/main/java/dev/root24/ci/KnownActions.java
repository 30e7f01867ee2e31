package dev.root24.ci;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What runs among the {@code with:} inputs of a step's action, for the actions whose code is
 * known: an input of {@code actions/checkout} is a path or a ref, never a command, so naming the
 * tool there runs nothing. Documented in {@code docs/rules/ciReferences.md}; an action not listed
 * keeps its inputs counted, with a note, since nothing is known of what it does with them.
 */
enum KnownActions {
    /** Every input is data (paths, keys, refs, versions): none runs. */
    RUNS_NO_INPUT,
    /** Only the listed inputs are scripts that run. */
    RUNS_SOME_INPUTS,
    /** Not in the table: every input is counted, with a note. */
    UNKNOWN;

    /** Actions (owner/name[/path], lower case) whose inputs never run. */
    private static final Set<String> NO_INPUT_RUNS = Set.of("actions/checkout", "actions/upload-artifact",
            "actions/download-artifact", "actions/cache", "actions/cache/restore", "actions/cache/save");
    /** Prefixes of action families whose inputs never run: {@code actions/setup-python}, {@code -node}, {@code -java}... */
    private static final String SETUP_PREFIX = "actions/setup-";
    /** Actions whose listed inputs run as scripts. */
    private static final Map<String, Set<String>> SCRIPT_INPUTS = Map.of("actions/github-script", Set.of("script"));
    /** The language each of those actions runs its script inputs in. */
    private static final Map<String, ScriptLanguage> SCRIPT_LANGUAGE = Map.of("actions/github-script", ScriptLanguage.JAVASCRIPT);

    /** How the inputs of the action {@code uses} names ({@code owner/name[/path]@ref}) are read. */
    static KnownActions of(String uses) {
        String name = name(uses);
        if (NO_INPUT_RUNS.contains(name) || name.startsWith(SETUP_PREFIX) && name.indexOf('/', SETUP_PREFIX.length()) < 0) {
            return RUNS_NO_INPUT;
        }
        return SCRIPT_INPUTS.containsKey(name) ? RUNS_SOME_INPUTS : UNKNOWN;
    }

    /** Whether {@code input} of the action runs, for {@link #RUNS_SOME_INPUTS}. */
    static boolean runs(String uses, String input) {
        return SCRIPT_INPUTS.getOrDefault(name(uses), Set.of()).contains(input);
    }

    /** The language a script input of a {@link #RUNS_SOME_INPUTS} action is written in. */
    static ScriptLanguage language(String uses, String input) {
        return SCRIPT_LANGUAGE.get(name(uses));
    }

    /** {@code actions/checkout} of {@code actions/checkout@v4}; GitHub compares owners and names case-insensitively. */
    static String name(String uses) {
        String s = uses == null ? "" : uses.strip();
        int at = s.indexOf('@');
        return (at < 0 ? s : s.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
