package dev.root24.ci;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.root24.policy.YamlNode;

/**
 * A pre-commit configuration, read for the hooks that {@code pre-commit run} (stage
 * {@code pre-commit}) really runs, and for what in a hook is the program run: its
 * {@code entry}, or its {@code args} when the entry is an interpreter waiting for a script.
 */
final class PreCommitConfig {

    /** Stages a plain {@code pre-commit run} (and the git hook) runs; {@code commit} is the legacy name. */
    private static final Set<String> RUN_STAGES = Set.of("pre-commit", "commit");
    /** Languages whose entry is not a program: {@code fail} prints it, {@code pygrep} searches for it. */
    private static final Set<String> NOT_RUN_LANGUAGES = Set.of("fail", "pygrep");
    /** Entry programs that print or read their arguments without running them. */
    private static final Set<String> NOT_RUNNERS = Set.of("echo", "printf", "cat", "true", "false", ":", "ls", "test", "[",
            "head", "tail", "wc", "grep", "stat", "touch", "file", "sha256sum", "md5sum");
    /** Entry programs that run the script named by their first non-option argument. */
    private static final Set<String> INTERPRETERS = Set.of("bash", "sh", "zsh", "dash", "ksh", "python", "python3", "node",
            "perl", "ruby", "pwsh");
    private static final String WHY = "runs in pre-commit's default stage; failure fails the hook";

    private PreCommitConfig() {}

    static void walk(YamlNode.Mapping top, Consumer<Fragment> out) throws InvalidCiFile {
        validate(top);
        List<String> defaultStages = strings(top.get("default_stages"));
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (!entry.getKey().equals("repos")) {
                CiYaml.ignoredAll(entry.getValue(), entry.getKey(), "outside repos", out);
                continue;
            }
            YamlNode.Sequence repos = (YamlNode.Sequence) entry.getValue();
            for (int r = 0; r < repos.items().size(); r++) {
                String repoAt = "repos[" + r + "]";
                YamlNode.Mapping repo = (YamlNode.Mapping) repos.items().get(r);
                for (Map.Entry<String, YamlNode> repoEntry : repo.entries().entrySet()) {
                    if (!repoEntry.getKey().equals("hooks")) {
                        CiYaml.ignoredAll(repoEntry.getValue(), repoAt + "." + repoEntry.getKey(), CiYaml.reasonFor(repoEntry.getKey()), out);
                        continue;
                    }
                    YamlNode.Sequence hooks = (YamlNode.Sequence) repoEntry.getValue();
                    for (int h = 0; h < hooks.items().size(); h++) {
                        hook((YamlNode.Mapping) hooks.items().get(h), repoAt + ".hooks[" + h + "]", defaultStages, out);
                    }
                }
            }
        }
    }

    /** What pre-commit's own schema check refuses, named: it would not run any hook of the file. */
    private static void validate(YamlNode.Mapping top) throws InvalidCiFile {
        if (!(top.get("repos") instanceof YamlNode.Sequence repos)) {
            throw new InvalidCiFile(top.line(), "invalid pre-commit config: repos is not a list");
        }
        for (int r = 0; r < repos.items().size(); r++) {
            YamlNode node = repos.items().get(r);
            if (!(node instanceof YamlNode.Mapping repo)) {
                throw new InvalidCiFile(node.line(), "invalid pre-commit config: repos[" + r + "] is not a map");
            }
            if (!(repo.get("repo") instanceof YamlNode.Scalar name) || !name.isString() || name.text().isBlank()) {
                throw new InvalidCiFile(repo.line(), "invalid pre-commit config: repos[" + r + "] has no repo");
            }
            boolean local = name.text().strip().equals("local") || name.text().strip().equals("meta");
            if (!local && repo.get("rev") == null) {
                throw new InvalidCiFile(repo.line(), "invalid pre-commit config: repos[" + r + "] has no rev");
            }
            if (!(repo.get("hooks") instanceof YamlNode.Sequence hooks)) {
                throw new InvalidCiFile(repo.line(), "invalid pre-commit config: repos[" + r + "] has no hooks list");
            }
            for (int h = 0; h < hooks.items().size(); h++) {
                String at = "repos[" + r + "].hooks[" + h + "]";
                if (!(hooks.items().get(h) instanceof YamlNode.Mapping hook)) {
                    throw new InvalidCiFile(hooks.items().get(h).line(), "invalid pre-commit config: " + at + " is not a map");
                }
                if (!(hook.get("id") instanceof YamlNode.Scalar id) || id.text().isBlank()) {
                    throw new InvalidCiFile(hook.line(), "invalid pre-commit config: " + at + " has no id");
                }
                if (name.text().strip().equals("local") && (hook.get("entry") == null || hook.get("language") == null)) {
                    throw new InvalidCiFile(hook.line(), "invalid pre-commit config: local hook " + at + " needs entry and language");
                }
                for (String key : List.of("files", "exclude")) {
                    if (hook.get(key) instanceof YamlNode.Scalar regex && regex.value() != null) {
                        try {
                            Pattern.compile(regex.text());
                        } catch (PatternSyntaxException e) {
                            throw new InvalidCiFile(hook.lineOf(key), "invalid pre-commit config: " + at + "." + key + " is not a valid regex");
                        }
                    }
                }
            }
        }
    }

    private static void hook(YamlNode.Mapping body, String where, List<String> defaultStages, Consumer<Fragment> out) {
        String skipped = skipped(body, defaultStages);
        if (skipped != null) {
            CiYaml.ignoredAll(body, where, skipped, out);
            return;
        }
        String entryText = body.get("entry") instanceof YamlNode.Scalar e ? e.text().strip() : "";
        String[] words = entryText.isEmpty() ? new String[0] : entryText.split("\\s+");
        String program = words.length == 0 ? "" : words[0].substring(words[0].lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        boolean notRunner = NOT_RUNNERS.contains(program);
        // `bash other.sh` passes its args to other.sh: a tool among them is an argument, not run.
        boolean argsAreArguments = INTERPRETERS.contains(program) && hasScriptArgument(words);
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String at = where + "." + entry.getKey();
            if (entry.getKey().equals("entry")) {
                if (notRunner) {
                    CiYaml.ignoredAll(entry.getValue(), at, "in a hook whose entry program (" + program + ") does not run it", out);
                } else {
                    // pre-commit splits the entry like a shell and runs it: read as one command line.
                    CiYaml.script(entry.getValue(), at, WHY, StepShell.DEFAULT, StepContext.ROOT, out);
                }
            } else if (entry.getKey().equals("args")) {
                if (notRunner) {
                    CiYaml.ignoredAll(entry.getValue(), at, "in the args of a hook whose entry program (" + program + ") does not run them", out);
                } else if (argsAreArguments) {
                    CiYaml.ignoredAll(entry.getValue(), at, "in the args passed to the script the hook's entry runs, not run", out);
                } else {
                    CiYaml.listOrScalar(entry.getValue(), at, WHY, null, false, out);
                }
            } else {
                CiYaml.ignoredAll(entry.getValue(), at, CiYaml.reasonFor(entry.getKey()), out);
            }
        }
    }

    /** Whether the interpreter's entry already names what it runs, so that the args only reach that. */
    private static boolean hasScriptArgument(String[] words) {
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.equals("-c") || w.equals("-m")) {
                // `bash -c` alone takes its command, `python -m` its module, from the first arg.
                return i + 1 < words.length;
            }
            if (!w.startsWith("-")) {
                return true;
            }
        }
        return false;
    }

    /** Why pre-commit never runs the hook's entry in its default stage, or null. */
    private static String skipped(YamlNode.Mapping body, List<String> defaultStages) {
        List<String> stages = body.get("stages") != null ? strings(body.get("stages")) : defaultStages;
        if (!stages.isEmpty() && stages.stream().noneMatch(RUN_STAGES::contains)) {
            return "in a hook whose stages leave out pre-commit (pre-commit run skips it)";
        }
        String language = body.get("language") instanceof YamlNode.Scalar l ? l.text().strip().toLowerCase(Locale.ROOT) : "";
        if (NOT_RUN_LANGUAGES.contains(language)) {
            return "in a hook with language: " + language + ", whose entry is never run";
        }
        boolean alwaysRun = body.get("always_run") instanceof YamlNode.Scalar a && Boolean.TRUE.equals(a.value());
        if (!alwaysRun && body.get("files") instanceof YamlNode.Scalar files && files.value() != null && matchesOnlyEmpty(files.text())) {
            return "in a hook whose files: pattern matches no file";
        }
        if (!alwaysRun && body.get("exclude") instanceof YamlNode.Scalar exclude && exclude.value() != null
                && matchesEverything(exclude.text())) {
            return "in a hook whose exclude: pattern matches every file";
        }
        return null;
    }

    /**
     * A pattern made only of zero-width anchors with both a start and an end ({@code ^$}, {@code \A\Z}):
     * {@code re.search} finds it in the empty path only, so in no file.
     */
    static boolean matchesOnlyEmpty(String regex) {
        String r = regex.strip().replaceAll("\\(\\?:\\)|\\(\\)", "");
        if (r.equals("(?!)") || r.equals("(?!.*)")) {
            return true;
        }
        if (!r.matches("(\\^|\\$|\\\\A|\\\\Z|\\\\z|\\\\b|\\\\B)+")) {
            return false;
        }
        boolean start = r.contains("^") || r.contains("\\A");
        boolean end = r.contains("$") || r.contains("\\Z") || r.contains("\\z");
        return start && end;
    }

    /**
     * A pattern {@code re.search} finds in every path: it matches the empty string at the start
     * and has nothing that could stop it elsewhere (no end anchor, boundary or lookaround).
     */
    static boolean matchesEverything(String regex) {
        String r = regex.strip();
        if (r.isEmpty()) {
            return true; // pre-commit's default is ^$ because an empty pattern is found in every path
        }
        if (r.contains("$") || r.contains("\\Z") || r.contains("\\z") || r.contains("\\b") || r.contains("\\B")
                || r.contains("(?")) {
            return false;
        }
        try {
            return Pattern.compile(r).matcher("").lookingAt();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static List<String> strings(YamlNode node) {
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            return List.of(s.text().strip());
        }
        if (node instanceof YamlNode.Sequence list) {
            return list.items().stream().filter(i -> i instanceof YamlNode.Scalar s && s.value() != null)
                    .map(i -> ((YamlNode.Scalar) i).text().strip()).toList();
        }
        return List.of();
    }
}
