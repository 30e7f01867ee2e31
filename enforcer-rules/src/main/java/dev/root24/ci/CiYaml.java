package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.root24.policy.YamlNode;

/**
 * Reads the places of a CI YAML document where a tool would run, as {@link Fragment}s; every
 * other string in the document is passed on as ignored, with the reason, so that a report can
 * say "mentioned only in a step name".
 */
final class CiYaml {


    private CiYaml() {}

    /** Which kind of CI file a parsed YAML document is; {@code path} is repository-relative. */
    static CiFileKind classify(String path, YamlNode document) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        // By name first: a CI file that is not the map its system expects is invalid, never plain text.
        if (p.startsWith(".github/workflows/")) {
            return CiFileKind.GITHUB_WORKFLOW;
        }
        if (name.equals(".pre-commit-config.yaml") || name.equals(".pre-commit-config.yml")) {
            return CiFileKind.PRE_COMMIT;
        }
        if (name.startsWith(".gitlab-ci.") || p.startsWith(".gitlab/")) {
            return CiFileKind.GITLAB_CI;
        }
        boolean actionName = name.equals("action.yml") || name.equals("action.yaml");
        if (actionName && p.startsWith(".github/")) {
            return CiFileKind.GITHUB_ACTION;
        }
        if (!(document instanceof YamlNode.Mapping top)) {
            return CiFileKind.TEXT;
        }
        if (top.get("repos") != null) {
            return CiFileKind.PRE_COMMIT;
        }
        if (top.get("stages") instanceof YamlNode.Sequence) {
            return CiFileKind.GITLAB_CI;
        }
        if (top.get("jobs") instanceof YamlNode.Mapping jobs
                && (top.get("on") != null || top.get("true") != null || looksLikeJobs(jobs))) {
            return CiFileKind.GITHUB_WORKFLOW;
        }
        if (actionName && top.get("runs") != null) {
            return CiFileKind.GITHUB_ACTION;
        }
        return CiFileKind.TEXT;
    }

    /** GitHub jobs without an {@code on:}: an invalid workflow, not a plain YAML file whose every line counts. */
    private static boolean looksLikeJobs(YamlNode.Mapping jobs) {
        return jobs.entries().values().stream()
                .anyMatch(job -> job instanceof YamlNode.Mapping m && (m.get("steps") != null || m.get("runs-on") != null));
    }

    /**
     * The document with its merge keys applied as the CI system applies them: GitLab and
     * pre-commit merge; GitHub Actions refuses the file.
     *
     * @throws InvalidCiFile for a merge key GitHub refuses, or one that holds no map
     */
    static YamlNode mergeKeys(CiFileKind kind, YamlNode document) throws InvalidCiFile {
        if (kind == CiFileKind.GITHUB_WORKFLOW || kind == CiFileKind.GITHUB_ACTION) {
            int line = MergeKeys.firstLine(document);
            if (line > 0) {
                throw new InvalidCiFile(line, "invalid " + describe(kind) + ": GitHub Actions accepts YAML anchors but not merge keys (<<)");
            }
            return document;
        }
        return MergeKeys.resolve(document, describe(kind));
    }

    /**
     * Emits every string of the document, marked as running or not, for a non-TEXT kind.
     *
     * @throws InvalidCiFile when the CI system would refuse the file
     */
    static void walk(CiFileKind kind, YamlNode document, CountedRuns counted, Consumer<Fragment> out) throws InvalidCiFile {
        walk(kind, document, counted, null, out);
    }

    /** As {@link #walk(CiFileKind, YamlNode, CountedRuns, Consumer)}, following local calls and includes through {@code follow}. */
    static void walk(CiFileKind kind, YamlNode document, CountedRuns counted, FollowedFiles follow, Consumer<Fragment> out)
            throws InvalidCiFile {
        if (!(document instanceof YamlNode.Mapping top)) {
            throw new InvalidCiFile(document.line(), "invalid " + describe(kind) + ": the document is not a map");
        }
        switch (kind) {
            case GITHUB_WORKFLOW -> GithubWorkflow.workflow(top, counted, follow, out);
            case GITHUB_ACTION -> GithubWorkflow.action(top, follow, out);
            case PRE_COMMIT -> PreCommitConfig.walk(top, out);
            case GITLAB_CI -> GitlabCi.walk(top, counted, follow, out);
            case TEXT -> throw new IllegalArgumentException("plain text is not walked as YAML");
        }
    }

    static String describe(CiFileKind kind) {
        return switch (kind) {
            case GITHUB_WORKFLOW -> "workflow";
            case GITHUB_ACTION -> "action";
            case PRE_COMMIT -> "pre-commit config";
            case GITLAB_CI -> "GitLab CI file";
            case TEXT -> "file";
        };
    }

    static String reasonFor(String key) {
        return switch (key) {
            case "name" -> "in a name";
            case "description" -> "in a description";
            case "id" -> "in an id";
            default -> "in " + key + ":";
        };
    }

    /**
     * A list of scalars (nested lists flattened, as GitLab allows) or one scalar; each item a
     * script for {@code shell} when it is not null, else plain text.
     */
    static void listOrScalar(YamlNode node, String where, String why, StepShell shell, boolean script, Consumer<Fragment> out) {
        if (script && shell != null && shell.shellSyntax() && node instanceof YamlNode.Sequence list) {
            joinedScript(list, where, why, shell, out);
            return;
        }
        if (node instanceof YamlNode.Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                listOrScalar(list.items().get(i), where + "[" + i + "]", why, shell, script, out);
            }
        } else if (script) {
            scriptLines(node, where, why, shell, out);
        } else {
            scalarLines(node, where, why, out);
        }
    }

    /**
     * A list of script lines (GitLab {@code script:}) is one shell script: the runner joins the
     * items, so an {@code exit 0} in one item stops the items after it. Blank lines keep each item
     * on its own line of the file; an item that is not a string is reported, not run.
     */
    private static void joinedScript(YamlNode.Sequence list, String where, String why, StepShell shell, Consumer<Fragment> out) {
        List<YamlNode.Scalar> items = new ArrayList<>();
        flatten(list, where, items, out);
        if (items.isEmpty()) {
            return;
        }
        int first = firstContentLine(items.get(0));
        StringBuilder text = new StringBuilder();
        List<Integer> itemLines = new ArrayList<>();
        int line = first;
        for (YamlNode.Scalar item : items) {
            int at = firstContentLine(item);
            itemLines.add(Math.max(at, line));
            if (at < line) {
                // Items on one line (a flow list): one per line of the script, reported on the list's line.
                at = line;
            }
            while (line < at) {
                text.append('\n');
                line++;
            }
            String itemText = item.text().endsWith("\n") ? item.text().substring(0, item.text().length() - 1) : item.text();
            text.append(itemText).append('\n');
            line += (int) itemText.chars().filter(c -> c == '\n').count() + 1;
        }
        // Nested lists are flattened: items are numbered in the flattened order.
        out.accept(Fragment.script(where, new ScriptSource(ScriptLanguage.SHELL, true, text.toString(), first, shell, StepContext.ROOT,
                "", itemLines), why));
    }

    private static void flatten(YamlNode.Sequence list, String where, List<YamlNode.Scalar> items, Consumer<Fragment> out) {
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            if (item instanceof YamlNode.Sequence nested) {
                flatten(nested, where + "[" + i + "]", items, out);
            } else if (item instanceof YamlNode.Scalar scalar && scalar.value() != null) {
                items.add(scalar);
            } else {
                ignoredAll(item, where + "[" + i + "]", "in " + where + "[" + i + "] that is not a string", out);
            }
        }
    }

    /** Emits a scalar line by line, every line running. */
    static void scalarLines(YamlNode node, String where, String why, Consumer<Fragment> out) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            ignoredAll(node, where, "in " + where + " that is not a string", out);
            return;
        }
        String[] lines = scalar.text().split("\n", -1);
        int first = firstContentLine(scalar);
        for (int i = 0; i < lines.length; i++) {
            out.accept(Fragment.runs(first + i, where, lines[i], why, null));
        }
    }

    /** A script run by {@code shell} from the repository root (GitLab, pre-commit); see {@link #script}. */
    static void scriptLines(YamlNode node, String where, String why, StepShell shell, Consumer<Fragment> out) {
        script(node, where, why, shell, StepContext.ROOT, out);
    }

    /**
     * Hands a script over for analysis in the language {@code shell} runs it in: a shell script
     * (its commands analysed), Python or JavaScript (read as source), or a language without a
     * parser here (PowerShell, cmd, Perl...: comment lines removed, line by line). A null
     * {@code shell} is an action input: text whose shell comments do not run.
     */
    static void script(YamlNode node, String where, String why, StepShell shell, StepContext context, Consumer<Fragment> out) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            ignoredAll(node, where, "in " + where + " that is not a string", out);
            return;
        }
        int firstLine = firstContentLine(scalar);
        String text = scalar.text();
        if (shell == null) {
            source(ScriptLanguage.SHELL, text, firstLine, where, why, StepShell.DEFAULT, context, out);
            return;
        }
        if (shell.shellSyntax()) {
            out.accept(Fragment.script(where, new ScriptSource(ScriptLanguage.SHELL, true, text, firstLine, shell, context,
                    context.workingDirectory()), why));
            return;
        }
        String program = shell.name().split(" ", 2)[0];
        switch (program) {
            case "python", "python3" -> source(ScriptLanguage.PYTHON, text, firstLine, where, why, shell, context, out);
            case "node", "deno", "bun" -> source(ScriptLanguage.JAVASCRIPT, text, firstLine, where, why, shell, context, out);
            case "pwsh", "powershell" -> commentLines(CommentSyntax.POWERSHELL, text, firstLine, where, why, shell, out);
            case "cmd" -> commentLines(CommentSyntax.BATCH, text, firstLine, where, why, shell, out);
            default -> commentLines(CommentSyntax.HASH, text, firstLine, where, why, shell, out);
        }
    }

    /** An action input read as source text in {@code language} ({@code actions/github-script}: JavaScript). */
    static void source(ScriptLanguage language, YamlNode node, String where, String why, StepContext context, Consumer<Fragment> out) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            ignoredAll(node, where, "in " + where + " that is not a string", out);
            return;
        }
        source(language, scalar.text(), firstContentLine(scalar), where, why, StepShell.DEFAULT, context, out);
    }

    private static void source(ScriptLanguage language, String text, int firstLine, String where, String why, StepShell shell,
            StepContext context, Consumer<Fragment> out) {
        out.accept(Fragment.script(where, new ScriptSource(language, false, text, firstLine, shell, context,
                context.workingDirectory()), why));
    }

    private static void commentLines(CommentSyntax syntax, String text, int firstLine, String where, String why, StepShell shell,
            Consumer<Fragment> out) {
        String[] lines = text.split("\n", -1);
        CommentSyntax.LineSplitter splitter = syntax.splitter();
        CommentSyntax.Split[] splits = new CommentSyntax.Split[lines.length];
        String[] code = new String[lines.length];
        for (int i = 0; i < lines.length; i++) {
            splits[i] = splitter.split(lines[i]);
            code[i] = splits[i].code();
        }
        int last = ScriptFailure.lastCodeLine(code);
        for (int i = 0; i < lines.length; i++) {
            int line = firstLine + i;
            out.accept(Fragment.runs(line, where, code[i], why, ScriptFailure.at(shell, i, last)));
            if (!splits[i].comment().isEmpty()) {
                out.accept(Fragment.ignored(line, where, splits[i].comment(), "in a comment inside " + where));
            }
        }
    }

    /** A block scalar ({@code run: |}) starts on the line after its indicator. */
    static int firstContentLine(YamlNode.Scalar scalar) {
        return scalar.text().indexOf('\n') >= 0 ? scalar.line() + 1 : scalar.line();
    }

    static void ignoredAll(YamlNode node, String where, String because, Consumer<Fragment> out) {
        if (node == null) {
            return;
        }
        if (node instanceof YamlNode.Scalar scalar) {
            String[] lines = scalar.text().split("\n", -1);
            int first = firstContentLine(scalar);
            for (int i = 0; i < lines.length; i++) {
                out.accept(Fragment.ignored(first + i, where, lines[i], because));
            }
        } else if (node instanceof YamlNode.Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                ignoredAll(list.items().get(i), where + "[" + i + "]", because, out);
            }
        } else if (node instanceof YamlNode.Mapping map) {
            for (Map.Entry<String, YamlNode> entry : map.entries().entrySet()) {
                String at = where.isEmpty() ? entry.getKey() : where + "." + entry.getKey();
                out.accept(Fragment.ignored(map.lineOf(entry.getKey()), at, entry.getKey(), because));
                ignoredAll(entry.getValue(), at, because, out);
            }
        }
    }
}
