package dev.root24.ci;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.root24.policy.YamlNode;

/**
 * What a workflow's {@code uses:} brings in: a local reusable workflow or composite action,
 * followed through {@link FollowedFiles} and read as part of the calling job (its triggers,
 * conditions and failure), or another repository's action, whose {@code with:} inputs are read
 * through {@link KnownActions}. A followed file's references say where they are and which line
 * called them; the reference's line stays the calling line, in the file the policy names.
 */
final class LocalCalls {

    private static final Pattern INPUT = Pattern.compile("inputs\\.([A-Za-z0-9_-]+)");
    /** Another repository's action as GitHub accepts it: {@code owner/repo[/path]@ref}. */
    private static final Pattern REMOTE_ACTION = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[^@\\s]+)?@[^\\s]+");

    /** How a {@code uses:} was resolved. */
    enum Kind { NONE, FOLLOWED, REFUSED, REMOTE_WORKFLOW, ACTION }

    /**
     * @param kind how it was resolved
     * @param action the {@code uses:} text of another repository's action (for {@link KnownActions}), else null
     * @param inputs for a followed file: the inputs it uses where it runs ({@code inputs.x})
     */
    record Used(Kind kind, String action, Set<String> inputs) {
        static final Used NONE = new Used(Kind.NONE, null, Set.of());
    }

    private final GithubWorkflow workflow;
    private final Map<YamlNode.Mapping, Used> calls = new IdentityHashMap<>();

    LocalCalls(GithubWorkflow workflow) {
        this.workflow = workflow;
    }

    /** Whether {@code on:} (a name, a list or a map) has {@code event}. */
    static boolean hasEvent(YamlNode on, String event) {
        if (on instanceof YamlNode.Scalar s) {
            return event.equals(s.text().strip());
        }
        if (on instanceof YamlNode.Sequence list) {
            return list.items().stream().anyMatch(i -> i instanceof YamlNode.Scalar s && event.equals(s.text().strip()));
        }
        return on instanceof YamlNode.Mapping map && map.entries().containsKey(event);
    }

    /** A composite action's run steps must name their shell (GitHub fails the step otherwise). */
    static void requireShells(YamlNode.Mapping runs, YamlNode.Sequence steps) throws InvalidCiFile {
        if (!(runs.get("using") instanceof YamlNode.Scalar using) || !"composite".equals(using.text().strip())) {
            return;
        }
        for (int i = 0; i < steps.items().size(); i++) {
            if (steps.items().get(i) instanceof YamlNode.Mapping step && step.get("run") != null && step.get("shell") == null) {
                throw new InvalidCiFile(step.line(), "invalid action: runs.steps[" + i + "] runs a script without shell:, which a composite action requires");
            }
        }
    }

    /** A job's {@code uses:} or {@code with:}: a reusable workflow call. */
    void workflowCall(YamlNode.Mapping body, String where, String key, YamlNode value, GithubWorkflow.JobState state,
            String jobId) {
        String at = where + "." + key;
        String why = workflow.because(state, jobId);
        Used used = calls.computeIfAbsent(body, b -> followWorkflow(b, where, state, jobId));
        if (key.equals("uses")) {
            if (used.kind() == Kind.REMOTE_WORKFLOW) {
                CiYaml.ignoredAll(value, at, "in a workflow of another repository (not followed)", workflow.out());
            } else {
                uses(used, value, at, why);
            }
        } else {
            // A called workflow sees its inputs, not the caller's env or working directory.
            inputs(used, value, at, why, StepContext.ROOT);
        }
    }

    private Used followWorkflow(YamlNode.Mapping body, String where, GithubWorkflow.JobState state, String jobId) {
        String uses = body.get("uses") instanceof YamlNode.Scalar s ? s.text().strip() : "";
        int line = body.lineOf("uses");
        if (!uses.startsWith("./")) {
            note(where + ".uses on line " + line + " calls a workflow of another repository");
            return new Used(Kind.REMOTE_WORKFLOW, null, Set.of());
        }
        String path = uses.substring(2);
        if (!path.startsWith(".github/workflows/") || path.indexOf('/', ".github/workflows/".length()) >= 0) {
            note(where + ".uses on line " + line + " (" + uses + ": GitHub calls only workflows directly in .github/workflows)");
            return new Used(Kind.REFUSED, null, Set.of());
        }
        return follow(uses, CiFileKind.GITHUB_WORKFLOW, where, line, state, jobId, true);
    }

    /** A step's {@code uses:}, followed when local; read before the step's keys, so that its inputs are known. */
    Used stepAction(YamlNode.Mapping step, String where, GithubWorkflow.JobState state, String jobId) {
        if (!(step.get("uses") instanceof YamlNode.Scalar s) || s.text().isBlank()) {
            return Used.NONE;
        }
        String uses = s.text().strip();
        if (uses.startsWith("./")) {
            return follow(uses, CiFileKind.GITHUB_ACTION, where, step.lineOf("uses"), state, jobId, false);
        }
        if (!uses.startsWith("docker://") && !REMOTE_ACTION.matcher(uses).matches()) {
            // `../x`, `/abs`, a name without @ref: GitHub refuses the step, so nothing passed to it runs.
            note(where + ".uses on line " + step.lineOf("uses") + " is neither ./path, owner/repo@ref nor docker://");
            return new Used(Kind.REFUSED, null, Set.of());
        }
        return new Used(Kind.ACTION, uses, Set.of());
    }

    private Used follow(String uses, CiFileKind kind, String where, int line, GithubWorkflow.JobState state, String jobId,
            boolean isWorkflow) {
        FollowedFiles follow = workflow.follow();
        String caller = where + ".uses on line " + line;
        if (follow == null) {
            return new Used(Kind.REFUSED, null, Set.of());
        }
        FollowedFiles.Followed file = isWorkflow ? follow.open(uses, kind) : follow.open(uses, kind, "action.yml", "action.yaml");
        if (!file.ok()) {
            note(caller + " (" + file.refused() + ")");
            return new Used(Kind.REFUSED, null, Set.of());
        }
        if (!(file.document() instanceof YamlNode.Mapping top)) {
            note(caller + " (" + file.display() + ": the document is not a map)");
            return new Used(Kind.REFUSED, null, Set.of());
        }
        Set<String> inputs = new HashSet<>();
        Consumer<Fragment> into = calledFrom(workflow.out(), file.display(), line, where + ".uses", inputs);
        try {
            workflow.readCalled(top, isWorkflow, state, jobId, into, follow.enter(file.display()));
        } catch (InvalidCiFile e) {
            // GitHub refuses the call: nothing of the called file runs (what was passed on before stays counted
            // only if it was in the calling file, which this file is not).
            note(caller + " (" + file.display() + ": line " + e.line() + ": " + e.getMessage() + ")");
            return new Used(Kind.REFUSED, null, Set.of());
        }
        return new Used(Kind.FOLLOWED, null, Set.copyOf(inputs));
    }

    /**
     * A job or step that does not run (or whose failure is masked) and calls a local workflow or
     * action: the called file is read all the same, so that a mention there says why it does not count.
     */
    void notRun(YamlNode.Mapping body, String where, String because) {
        if (workflow.follow() == null || !(body.get("uses") instanceof YamlNode.Scalar s) || !s.text().strip().startsWith("./")) {
            return;
        }
        String uses = s.text().strip();
        boolean isWorkflow = uses.startsWith("./.github/workflows/");
        FollowedFiles.Followed file = isWorkflow ? workflow.follow().open(uses, CiFileKind.GITHUB_WORKFLOW)
                : workflow.follow().open(uses, CiFileKind.GITHUB_ACTION, "action.yml", "action.yaml");
        if (!file.ok() || !(file.document() instanceof YamlNode.Mapping top)) {
            return;
        }
        int line = body.lineOf("uses");
        String call = where + ".uses";
        Consumer<Fragment> out = workflow.out();
        Consumer<Fragment> ignored = f -> out.accept(Fragment.ignored(line, call + " -> " + file.display() + ":" + f.line() + " " + f.where(),
                f.text(), because + " (" + file.display() + ":" + f.line() + ", called from " + call + ")"));
        try {
            workflow.readCalled(top, isWorkflow, new GithubWorkflow.JobState(List.of(), null, List.of()), null, ignored,
                    workflow.follow().enter(file.display()));
        } catch (InvalidCiFile e) {
            // Nothing of it runs either way.
        }
    }

    /**
     * Fragments of a followed file, as the calling file's: on the calling line, placed as
     * {@code <call> -> <file>:<line> <place>}, and the inputs the called file uses where it runs.
     */
    static Consumer<Fragment> calledFrom(Consumer<Fragment> out, String file, int callLine, String call,
            Set<String> inputs) {
        return f -> {
            String place = call + " -> " + file + ":" + f.line() + " " + f.where();
            if (f.runs() || "in env:".equals(f.ignoredBecause())) {
                Matcher m = INPUT.matcher(f.text());
                while (m.find()) {
                    inputs.add(m.group(1));
                }
            }
            if (f.runs()) {
                // Reported on the calling line, the listed file's own; a script is still parsed with its own lines.
                out.accept(new Fragment(callLine, place, f.text(), null, f.countsBecause(), f.failure(),
                        f.script() == null ? null : f.script().calledFrom(callLine)));
            } else {
                out.accept(new Fragment(callLine, place, f.text(),
                        f.ignoredBecause() + " (" + file + ":" + f.line() + ", called from " + call + ")", null, null, null));
            }
        };
    }

    /** The {@code uses:} text itself: it runs what it names, unless that is a call GitHub refuses or that is not followed. */
    void uses(Used used, YamlNode value, String where, String why) {
        if (used.kind() == Kind.REFUSED) {
            CiYaml.ignoredAll(value, where, "in a uses: that is not followed", workflow.out());
        } else {
            GithubWorkflow.scalar(value, where, why, workflow.out());
        }
    }

    /** A step's or a workflow call's {@code with:} inputs, as far as what they are passed to is known. */
    void inputs(Used used, YamlNode with, String where, String why, StepContext context) {
        Consumer<Fragment> out = workflow.out();
        if (used.kind() == Kind.NONE) {
            workflow.withValues(with, where, why, context);
            return;
        }
        if (!(with instanceof YamlNode.Mapping inputs)) {
            CiYaml.ignoredAll(with, where, "in a with: that is not a map", out);
            return;
        }
        KnownActions known = used.kind() == Kind.ACTION ? KnownActions.of(used.action()) : null;
        for (Map.Entry<String, YamlNode> input : inputs.entries().entrySet()) {
            String at = where + "." + input.getKey();
            YamlNode value = input.getValue();
            switch (used.kind()) {
                case FOLLOWED -> {
                    if (used.inputs().contains(input.getKey())) {
                        CiYaml.script(value, at, why + "; an input the called file runs", null, context, out);
                    } else {
                        CiYaml.ignoredAll(value, at, "in an input the called file does not use where it runs", out);
                    }
                }
                case REFUSED -> CiYaml.ignoredAll(value, at, "in an input of a local workflow or action that is not followed", out);
                case REMOTE_WORKFLOW -> CiYaml.ignoredAll(value, at, "in an input of a workflow of another repository (not followed)", out);
                default -> {
                    if (known == KnownActions.RUNS_NO_INPUT) {
                        CiYaml.ignoredAll(value, at, "in an input of " + KnownActions.name(used.action())
                                + ", which runs none of its inputs", out);
                    } else if (known == KnownActions.RUNS_SOME_INPUTS && !KnownActions.runs(used.action(), input.getKey())) {
                        CiYaml.ignoredAll(value, at, "in an input of " + KnownActions.name(used.action())
                                + " that is not a script it runs", out);
                    } else if (known == KnownActions.RUNS_SOME_INPUTS) {
                        CiYaml.source(KnownActions.language(used.action(), input.getKey()), value, at, why, context, out);
                    } else {
                        CiYaml.script(value, at, why + "; an input of an action not in the known-actions table, counted", null, context, out);
                    }
                }
            }
        }
    }

    private void note(String note) {
        if (workflow.follow() != null) {
            workflow.follow().note("not followed: " + note);
        }
    }
}
