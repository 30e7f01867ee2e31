package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * The search for several tools in one referencing file, fed fragment by fragment so that a file
 * is read once whatever the number of tools that expect it to run them. A script fragment is
 * parsed only when it may mention one of the tools; a reference that removes, overwrites or
 * excludes a tool counts against it whatever else the file does.
 */
final class ReferenceSearch {

    private final String file;
    /** The referencing file's directory, repository-relative. */
    private final String directory;
    private final List<ToolPattern> patterns;
    private final int[] foundLine;
    private final String[] foundWhere;
    private final int[] ignoredLine;
    private final String[] ignoredWhy;
    private final int[] disabledLine;
    private final String[] disabledWhy;

    ReferenceSearch(String file, List<ToolPattern> patterns) {
        this.file = file;
        String f = file.replace('\\', '/');
        this.directory = f.contains("/") ? f.substring(0, f.lastIndexOf('/')) : "";
        this.patterns = List.copyOf(patterns);
        int n = patterns.size();
        this.foundLine = new int[n];
        this.foundWhere = new String[n];
        this.ignoredLine = new int[n];
        this.ignoredWhy = new String[n];
        this.disabledLine = new int[n];
        this.disabledWhy = new String[n];
    }

    String directory() {
        return directory;
    }

    /** Looks for every tool in the fragment. */
    void accept(Fragment fragment) {
        if (fragment.script() != null && fragment.runs()) {
            script(fragment);
            return;
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (disabledWhy[i] != null) {
                continue;
            }
            ToolPattern pattern = patterns.get(i);
            if (fragment.runs()) {
                if (pattern.disabledBy(fragment.text())) {
                    disable(i, fragment.line(), "excluded from the test run by an --ignore or --deselect option", fragment.where());
                    continue;
                }
                if (foundWhere[i] != null) {
                    continue;
                }
                int at = pattern.findStrict(fragment.text(), directory);
                if (at < 0) {
                    if (ignoredWhy[i] == null && pattern.matches(fragment.text())) {
                        ignore(i, fragment.line(), "as a bare name that does not say which file (" + fragment.where() + ")");
                    }
                    continue;
                }
                String masked = fragment.failure().notFailing(at);
                if (masked == null) {
                    found(i, fragment.line(), fragment.where(), fragment.countsBecause(), null);
                } else {
                    ignore(i, fragment.line(), masked + " (" + fragment.where() + ")");
                }
            } else if (foundWhere[i] == null && ignoredWhy[i] == null && pattern.matches(fragment.text())) {
                ignore(i, fragment.line(), fragment.ignoredBecause());
            }
        }
    }

    private void script(Fragment fragment) {
        ScriptSource script = fragment.script();
        List<Integer> tools = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            if (disabledWhy[i] == null && script.mayReference(patterns.get(i))) {
                tools.add(i);
            }
        }
        if (tools.isEmpty()) {
            return; // nothing in it can name a tool: not parsed
        }
        if (script.commands()) {
            List<ToolPattern> searched = tools.stream().map(patterns::get).toList();
            List<ScriptUse> uses = ShellScript.analyse(script.text(), script.firstLine(), script.shell(), script.context(), searched);
            for (int i : tools) {
                judge(i, uses, fragment);
            }
            return;
        }
        String textDirectory = script.directory() == null ? directory : script.directory();
        SourceMask mask = SourceMask.of(script.language(), script.context().substitute(script.text()), textDirectory,
                tools.stream().map(patterns::get).toList());
        String[] lines = mask.code().split("\n", -1);
        int last = ScriptFailure.lastCodeLine(lines);
        // A file read as source has no structure: its places are its lines.
        boolean plain = fragment.where().isEmpty();
        for (int l = 0; l < lines.length; l++) {
            if (!lines[l].isBlank()) {
                int line = script.reported(script.firstLine() + l);
                accept(Fragment.runs(line, plain ? "line " + line : fragment.where(), lines[l], fragment.countsBecause(),
                        ScriptFailure.at(script.shell(), l, last)));
            }
        }
        for (SourceMask.Ignored part : mask.ignored()) {
            int line = script.reported(script.firstLine() + part.line());
            accept(Fragment.ignored(line, plain ? "line " + line : fragment.where(), part.text(),
                    plain ? part.because() : placed(part.because(), fragment.where())));
        }
        for (SourceMask.Import imported : mask.imports()) {
            for (int i : tools) {
                if (foundWhere[i] == null && disabledWhy[i] == null && patterns.get(i).importedAs(imported, textDirectory)) {
                    int line = script.reported(script.firstLine() + imported.line());
                    found(i, line, plain ? "line " + line : fragment.where(), fragment.countsBecause(), "imports it as a module");
                }
            }
        }
    }

    /** The verdict of one tool from a shell script's uses: disabled, found, or mentioned where it does not count. */
    private void judge(int tool, List<ScriptUse> uses, Fragment fragment) {
        ToolPattern pattern = patterns.get(tool);
        ScriptUse counted = null;
        for (ScriptUse use : uses) {
            String where = fragment.script().where(fragment.where(), use.line());
            boolean names = use.kind() == ScriptUse.Kind.DISABLES
                    ? use.path().path() != null && !use.path().path().isEmpty() && pattern.isAtOrBelow(use.path().path())
                    : use.names(pattern, fragment.script().context().workingDirectory());
            if (!names) {
                if (ignoredWhy[tool] == null && foundWhere[tool] == null && use.kind() != ScriptUse.Kind.IGNORED_TEXT
                        && use.text() != null && pattern.matches(use.text())) {
                    ignore(tool, fragment.script().reported(use.line()), "where the word does not resolve to the tool's path from the working directory ("
                            + where + ")");
                }
                continue;
            }
            if (use.kind() == ScriptUse.Kind.DISABLES) {
                disable(tool, fragment.script().reported(use.line()), use.because(), where);
                return;
            }
            if (use.wouldCount() && use.because() == null) {
                if (counted == null) {
                    counted = use;
                }
            } else if (ignoredWhy[tool] == null || ignoredWhy[tool].startsWith("where the word does not resolve")) {
                ignoredLine[tool] = fragment.script().reported(use.line());
                ignoredWhy[tool] = placed(use.because(), where);
            }
        }
        if (counted != null && foundWhere[tool] == null) {
            found(tool, fragment.script().reported(counted.line()), fragment.script().where(fragment.where(), counted.line()), fragment.countsBecause(),
                    counted.path().note());
        }
    }

    private static String placed(String because, String where) {
        return because.equals("in a comment") ? "in a comment inside " + where : because + " (" + where + ")";
    }

    private void found(int tool, int line, String where, String countsBecause, String note) {
        foundLine[tool] = line;
        StringBuilder w = new StringBuilder(where);
        if (countsBecause != null) {
            w.append(": ").append(countsBecause);
        }
        if (note != null) {
            w.append(countsBecause == null ? ": " : "; ").append(note);
        }
        foundWhere[tool] = w.toString();
    }

    private void ignore(int tool, int line, String why) {
        if (ignoredWhy[tool] == null) {
            ignoredLine[tool] = line;
            ignoredWhy[tool] = why;
        }
    }

    private void disable(int tool, int line, String why, String where) {
        disabledLine[tool] = line;
        disabledWhy[tool] = why + " (" + where + ")";
    }

    /** Whether every tool has been found, so reading further cannot change anything but a later disabling. */
    boolean complete() {
        for (int i = 0; i < patterns.size(); i++) {
            if (foundWhere[i] == null && disabledWhy[i] == null) {
                return false;
            }
        }
        return true;
    }

    /** Whether the tool has been found or was at least mentioned (in a place that does not run). */
    boolean seen(int tool) {
        return foundWhere[tool] != null || ignoredWhy[tool] != null || disabledWhy[tool] != null;
    }

    /** Records a mention found outside the parsed structure, e.g. in a YAML comment. */
    void mentionedElsewhere(int tool, int line, String because) {
        if (!seen(tool)) {
            ignoredLine[tool] = line;
            ignoredWhy[tool] = because;
        }
    }

    List<ToolPattern> patterns() {
        return patterns;
    }

    /** One result per tool, in the order of the patterns. */
    List<ReferenceResult> results() {
        List<ReferenceResult> results = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            if (disabledWhy[i] != null) {
                results.add(new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, disabledLine[i],
                        "disables the tool on line " + disabledLine[i] + ": " + disabledWhy[i] + "; counted against it"));
            } else if (foundWhere[i] != null) {
                results.add(new ReferenceResult(file, ReferenceStatus.FOUND, foundLine[i], foundWhere[i]));
            } else if (ignoredWhy[i] != null) {
                // The mention's line, so code scanning shows the result where the tool is named but not run.
                String why = ignoredWhy[i].startsWith("only ") ? ignoredWhy[i] : "only " + ignoredWhy[i];
                results.add(new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, ignoredLine[i], "mentioned on line " + ignoredLine[i] + " " + why));
            } else {
                results.add(new ReferenceResult(file, ReferenceStatus.NOT_REFERENCED, 0, "no mention of " + patterns.get(i)));
            }
        }
        return results;
    }
}
