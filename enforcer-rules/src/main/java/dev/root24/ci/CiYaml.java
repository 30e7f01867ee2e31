package dev.root24.ci;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import dev.root24.policy.YamlNode;

/**
 * Reads the places of a CI YAML document where a tool would run, as {@link Fragment}s; every
 * other string in the document is passed on as ignored, with the reason, so that a report can
 * say "mentioned only in a step name".
 */
final class CiYaml {

    /** {@code if: false} or {@code if: ${{ false }}}: GitHub never runs it. */
    private static final Pattern LITERALLY_FALSE = Pattern.compile("\\s*(\\$\\{\\{\\s*false\\s*}}|false)\\s*");
    private static final Set<String> GITLAB_SCRIPTS = Set.of("script", "before_script", "after_script");

    private CiYaml() {}

    /** Which kind of CI file a parsed YAML document is; {@code path} is repository-relative. */
    static CiFileKind classify(String path, YamlNode document) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (p.startsWith(".github/workflows/")) {
            return CiFileKind.GITHUB_WORKFLOW;
        }
        if (!(document instanceof YamlNode.Mapping top)) {
            return CiFileKind.TEXT;
        }
        if (top.get("repos") instanceof YamlNode.Sequence) {
            return CiFileKind.PRE_COMMIT;
        }
        if (name.startsWith(".gitlab-ci.") || p.startsWith(".gitlab/") || top.get("stages") instanceof YamlNode.Sequence) {
            return CiFileKind.GITLAB_CI;
        }
        if (top.get("jobs") instanceof YamlNode.Mapping && (top.get("on") != null || top.get("true") != null)) {
            return CiFileKind.GITHUB_WORKFLOW;
        }
        if ((name.equals("action.yml") || name.equals("action.yaml")) && top.get("runs") instanceof YamlNode.Mapping) {
            return CiFileKind.GITHUB_ACTION;
        }
        return CiFileKind.TEXT;
    }

    /** Emits every string of the document, marked as running or not, for a non-TEXT kind. */
    static void walk(CiFileKind kind, YamlNode document, Consumer<Fragment> out) {
        if (!(document instanceof YamlNode.Mapping top)) {
            ignoredAll(document, "", "a document that is not a map", out);
            return;
        }
        switch (kind) {
            case GITHUB_WORKFLOW -> workflow(top, out);
            case GITHUB_ACTION -> action(top, out);
            case PRE_COMMIT -> preCommit(top, out);
            case GITLAB_CI -> gitlab(top, out);
            case TEXT -> throw new IllegalArgumentException("plain text is not walked as YAML");
        }
    }

    private static void workflow(YamlNode.Mapping top, Consumer<Fragment> out) {
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (!entry.getKey().equals("jobs") || !(entry.getValue() instanceof YamlNode.Mapping jobs)) {
                ignoredAll(entry.getValue(), entry.getKey(), "outside jobs", out);
                continue;
            }
            for (Map.Entry<String, YamlNode> job : jobs.entries().entrySet()) {
                String where = "jobs." + job.getKey();
                if (!(job.getValue() instanceof YamlNode.Mapping body)) {
                    ignoredAll(job.getValue(), where, "in a job that is not a map", out);
                } else if (literallyFalse(body.get("if"))) {
                    ignoredAll(body, where, "in a job with if: false", out);
                } else {
                    runnable(body, where, out);
                }
            }
        }
    }

    private static void action(YamlNode.Mapping top, Consumer<Fragment> out) {
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (entry.getKey().equals("runs") && entry.getValue() instanceof YamlNode.Mapping runs) {
                runnable(runs, "runs", out);
            } else {
                ignoredAll(entry.getValue(), entry.getKey(), "outside runs", out);
            }
        }
    }

    /** A job or a composite action's {@code runs}: its own uses/with and its steps. */
    private static void runnable(YamlNode.Mapping body, String where, Consumer<Fragment> out) {
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String key = entry.getKey();
            String at = where + "." + key;
            YamlNode value = entry.getValue();
            if (key.equals("steps") && value instanceof YamlNode.Sequence steps) {
                for (int i = 0; i < steps.items().size(); i++) {
                    step(steps.items().get(i), at + "[" + i + "]", out);
                }
            } else if (key.equals("uses")) {
                scalarLines(value, at, false, out);
            } else if (key.equals("with")) {
                withValues(value, at, out);
            } else {
                ignoredAll(value, at, reasonFor(key), out);
            }
        }
    }

    private static void step(YamlNode step, String where, Consumer<Fragment> out) {
        if (!(step instanceof YamlNode.Mapping body)) {
            ignoredAll(step, where, "in a step that is not a map", out);
            return;
        }
        if (literallyFalse(body.get("if"))) {
            ignoredAll(body, where, "in a step with if: false", out);
            return;
        }
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String key = entry.getKey();
            String at = where + "." + key;
            switch (key) {
                case "run" -> scalarLines(entry.getValue(), at, true, out);
                case "uses" -> scalarLines(entry.getValue(), at, false, out);
                case "with" -> withValues(entry.getValue(), at, out);
                default -> ignoredAll(entry.getValue(), at, reasonFor(key), out);
            }
        }
    }

    private static void withValues(YamlNode with, String where, Consumer<Fragment> out) {
        if (!(with instanceof YamlNode.Mapping inputs)) {
            ignoredAll(with, where, "in a with: that is not a map", out);
            return;
        }
        for (Map.Entry<String, YamlNode> input : inputs.entries().entrySet()) {
            // Inputs are often scripts (actions/github-script, shell inputs): their comment lines do not run.
            scalarLines(input.getValue(), where + "." + input.getKey(), true, out);
        }
    }

    private static void preCommit(YamlNode.Mapping top, Consumer<Fragment> out) {
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (!entry.getKey().equals("repos") || !(entry.getValue() instanceof YamlNode.Sequence repos)) {
                ignoredAll(entry.getValue(), entry.getKey(), "outside repos", out);
                continue;
            }
            for (int r = 0; r < repos.items().size(); r++) {
                String repoAt = "repos[" + r + "]";
                if (!(repos.items().get(r) instanceof YamlNode.Mapping repo)) {
                    ignoredAll(repos.items().get(r), repoAt, "in a repo that is not a map", out);
                    continue;
                }
                for (Map.Entry<String, YamlNode> repoEntry : repo.entries().entrySet()) {
                    if (!repoEntry.getKey().equals("hooks") || !(repoEntry.getValue() instanceof YamlNode.Sequence hooks)) {
                        ignoredAll(repoEntry.getValue(), repoAt + "." + repoEntry.getKey(), reasonFor(repoEntry.getKey()), out);
                        continue;
                    }
                    for (int h = 0; h < hooks.items().size(); h++) {
                        hook(hooks.items().get(h), repoAt + ".hooks[" + h + "]", out);
                    }
                }
            }
        }
    }

    private static void hook(YamlNode hook, String where, Consumer<Fragment> out) {
        if (!(hook instanceof YamlNode.Mapping body)) {
            ignoredAll(hook, where, "in a hook that is not a map", out);
            return;
        }
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String at = where + "." + entry.getKey();
            if (entry.getKey().equals("entry")) {
                scalarLines(entry.getValue(), at, false, out);
            } else if (entry.getKey().equals("args")) {
                listOrScalar(entry.getValue(), at, false, out);
            } else {
                ignoredAll(entry.getValue(), at, reasonFor(entry.getKey()), out);
            }
        }
    }

    private static void gitlab(YamlNode.Mapping top, Consumer<Fragment> out) {
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            String key = entry.getKey();
            if (GITLAB_SCRIPTS.contains(key)) {
                listOrScalar(entry.getValue(), key, true, out);
            } else if (entry.getValue() instanceof YamlNode.Mapping job && !isNever(job.get("when"))) {
                for (Map.Entry<String, YamlNode> jobEntry : job.entries().entrySet()) {
                    String at = key + "." + jobEntry.getKey();
                    if (GITLAB_SCRIPTS.contains(jobEntry.getKey())) {
                        listOrScalar(jobEntry.getValue(), at, true, out);
                    } else {
                        ignoredAll(jobEntry.getValue(), at, reasonFor(jobEntry.getKey()), out);
                    }
                }
            } else {
                ignoredAll(entry.getValue(), key, "outside a job's script", out);
            }
        }
    }

    private static boolean isNever(YamlNode when) {
        return when instanceof YamlNode.Scalar s && "never".equals(s.text().strip());
    }

    private static boolean literallyFalse(YamlNode condition) {
        if (!(condition instanceof YamlNode.Scalar scalar)) {
            return false;
        }
        return Boolean.FALSE.equals(scalar.value())
                || scalar.value() instanceof String text && LITERALLY_FALSE.matcher(text).matches();
    }

    private static String reasonFor(String key) {
        return switch (key) {
            case "name" -> "in a name";
            case "description" -> "in a description";
            case "id" -> "in an id";
            default -> "in " + key + ":";
        };
    }

    /** A list of scalars (nested lists flattened, as GitLab allows) or one scalar. */
    private static void listOrScalar(YamlNode node, String where, boolean script, Consumer<Fragment> out) {
        if (node instanceof YamlNode.Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                listOrScalar(list.items().get(i), where + "[" + i + "]", script, out);
            }
        } else {
            scalarLines(node, where, script, out);
        }
    }

    /**
     * Emits a scalar line by line. For a script, comment lines and trailing comments (shell
     * rules) are emitted as ignored.
     */
    private static void scalarLines(YamlNode node, String where, boolean script, Consumer<Fragment> out) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            ignoredAll(node, where, "in " + where + " that is not a string", out);
            return;
        }
        String text = scalar.text();
        int firstLine = firstContentLine(scalar);
        String[] lines = text.split("\n", -1);
        CommentSyntax.LineSplitter splitter = CommentSyntax.SHELL.splitter();
        for (int i = 0; i < lines.length; i++) {
            int line = firstLine + i;
            if (!script) {
                out.accept(Fragment.runs(line, where, lines[i]));
                continue;
            }
            CommentSyntax.Split split = splitter.split(lines[i]);
            out.accept(Fragment.runs(line, where, split.code()));
            if (!split.comment().isEmpty()) {
                out.accept(Fragment.ignored(line, where, split.comment(), "in a comment inside " + where));
            }
        }
    }

    /** A block scalar ({@code run: |}) starts on the line after its indicator. */
    private static int firstContentLine(YamlNode.Scalar scalar) {
        return scalar.text().indexOf('\n') >= 0 ? scalar.line() + 1 : scalar.line();
    }

    private static void ignoredAll(YamlNode node, String where, String because, Consumer<Fragment> out) {
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
