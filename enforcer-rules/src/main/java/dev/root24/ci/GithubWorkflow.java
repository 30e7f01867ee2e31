package dev.root24.ci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.root24.policy.YamlNode;

/**
 * A GitHub Actions workflow or composite action, read for what runs in a {@link CountedRuns
 * counted run} and fails the job when it fails: triggers, job and step {@code if:},
 * {@code needs:}, {@code continue-on-error}, {@code shell:}. Every string is passed on as a
 * {@link Fragment}, running (with why it counts) or ignored (with why not).
 */
final class GithubWorkflow {

    /** In a composite action nothing is known of the run: conditions are evaluated without context. */
    private static final WorkflowTriggers.Run ANY_RUN = new WorkflowTriggers.Run("", "");

    private final CountedRuns counted;
    private final Consumer<Fragment> out;
    /** Where local reusable workflows and actions are opened; null: none is followed. */
    private final FollowedFiles follow;
    /** For a called workflow or a used action: the calling job's state and id; null at the top. */
    private final JobState caller;
    private final String callerJob;
    private final Map<String, JobState> states = new HashMap<>();
    private final Set<String> resolving = new LinkedHashSet<>();
    private Map<String, YamlNode> jobs = Map.of();
    private WorkflowTriggers.Triggers triggers;
    private YamlNode workflowShell;
    private StepContext workflowContext = StepContext.ROOT;

    private GithubWorkflow(CountedRuns counted, Consumer<Fragment> out, FollowedFiles follow, JobState caller, String callerJob) {
        this.counted = counted;
        this.out = out;
        this.follow = follow;
        this.caller = caller;
        this.callerJob = callerJob;
    }

    /** Whether (and in which counted runs) a job runs, and what to say about it. */
    record JobState(List<WorkflowTriggers.Run> runs, String disabled, List<String> notes) {}

    static void workflow(YamlNode.Mapping top, CountedRuns counted, Consumer<Fragment> out) throws InvalidCiFile {
        workflow(top, counted, null, out);
    }

    /** A workflow whose local reusable workflows and actions are followed through {@code follow} (null: none). */
    static void workflow(YamlNode.Mapping top, CountedRuns counted, FollowedFiles follow, Consumer<Fragment> out)
            throws InvalidCiFile {
        new GithubWorkflow(counted, out, follow, null, null).readWorkflow(top);
    }

    static void action(YamlNode.Mapping top, Consumer<Fragment> out) throws InvalidCiFile {
        action(top, null, out);
    }

    static void action(YamlNode.Mapping top, FollowedFiles follow, Consumer<Fragment> out) throws InvalidCiFile {
        new GithubWorkflow(CountedRuns.DEFAULT, out, follow, null, null).readAction(top);
    }

    private void readWorkflow(YamlNode.Mapping top) throws InvalidCiFile {
        String onKey = top.get("on") != null ? "on" : "true";
        if (caller == null) {
            triggers = WorkflowTriggers.read(top.get(onKey), top.lineOf(onKey), counted);
        } else {
            // A called workflow's jobs run in the caller's run, whatever else its own on: says.
            if (!LocalCalls.hasEvent(top.get(onKey), "workflow_call")) {
                throw new InvalidCiFile(top.lineOf(onKey), "invalid reusable workflow: its on: has no workflow_call, so GitHub refuses the call");
            }
            triggers = new WorkflowTriggers.Triggers(caller.runs(), null, List.of("workflow_call"), false);
        }
        if (!(top.get("jobs") instanceof YamlNode.Mapping jobMap) || jobMap.entries().isEmpty()) {
            throw new InvalidCiFile(top.get("jobs") == null ? 1 : top.lineOf("jobs"), "invalid workflow: no jobs");
        }
        jobs = jobMap.entries();
        workflowShell = defaultShell(top);
        workflowContext = context(top, StepContext.ROOT);
        for (Map.Entry<String, YamlNode> job : jobs.entrySet()) {
            validateJob(job.getKey(), job.getValue(), jobMap.lineOf(job.getKey()));
        }
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (!entry.getKey().equals("jobs")) {
                CiYaml.ignoredAll(entry.getValue(), entry.getKey(), "outside jobs", out);
            }
        }
        for (Map.Entry<String, YamlNode> job : jobs.entrySet()) {
            String where = "jobs." + job.getKey();
            YamlNode.Mapping body = (YamlNode.Mapping) job.getValue();
            JobState state = state(job.getKey());
            if (state.disabled() != null) {
                CiYaml.ignoredAll(body, where, state.disabled(), out);
                calls.notRun(body, where, state.disabled());
                continue;
            }
            String masked = continueOnError(body, state.runs(), state.notes());
            if (masked != null) {
                CiYaml.ignoredAll(body, where, "in a job with continue-on-error" + masked + ": its failure does not fail the workflow", out);
                calls.notRun(body, where, "in a job with continue-on-error" + masked + ": its failure does not fail the workflow");
                continue;
            }
            YamlNode shell = defaultShell(body);
            runnable(body, where, state, job.getKey(), shell != null ? shell : workflowShell, context(body, workflowContext));
        }
    }

    private void readAction(YamlNode.Mapping top) throws InvalidCiFile {
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (entry.getKey().equals("runs") && entry.getValue() instanceof YamlNode.Mapping runs) {
                if (runs.get("steps") instanceof YamlNode.Sequence steps) {
                    validateSteps("runs", steps);
                    LocalCalls.requireShells(runs, steps);
                }
                JobState state = caller != null ? caller : new JobState(List.of(ANY_RUN), null, List.of());
                runnable(runs, "runs", state, callerJob, null, StepContext.ROOT);
            } else {
                CiYaml.ignoredAll(entry.getValue(), entry.getKey(), "outside runs", out);
            }
        }
    }

    /**
     * The context a workflow's or job's scripts start in: its {@code env:}, its
     * {@code defaults.run.working-directory}, and (for a job) the matrix keys with one value.
     */
    private static StepContext context(YamlNode.Mapping body, StepContext outer) {
        StepContext context = outer.withEnv(staticValues(body.get("env")));
        if (body.get("defaults") instanceof YamlNode.Mapping defaults && defaults.get("run") instanceof YamlNode.Mapping run
                && run.get("working-directory") instanceof YamlNode.Scalar directory && directory.value() != null) {
            context = context.in(directory.text());
        }
        if (body.get("strategy") instanceof YamlNode.Mapping strategy && strategy.get("matrix") instanceof YamlNode.Mapping matrix) {
            Map<String, String> single = new HashMap<>();
            for (Map.Entry<String, YamlNode> key : matrix.entries().entrySet()) {
                if (key.getValue() instanceof YamlNode.Sequence values && values.items().size() == 1
                        && values.items().get(0) instanceof YamlNode.Scalar value && value.value() != null) {
                    single.put(key.getKey(), value.text());
                }
            }
            context = context.withMatrix(single);
        }
        return context;
    }

    /** A step's context: the job's, with the step's {@code env:} and {@code working-directory}. */
    private static StepContext stepContext(YamlNode.Mapping step, StepContext job) {
        StepContext context = job.withEnv(staticValues(step.get("env")));
        if (step.get("working-directory") instanceof YamlNode.Scalar directory && directory.value() != null) {
            context = context.in(directory.text());
        }
        return context;
    }

    private static Map<String, String> staticValues(YamlNode env) {
        if (!(env instanceof YamlNode.Mapping map)) {
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
            if (e.getValue() instanceof YamlNode.Scalar v && v.value() != null) {
                values.put(e.getKey(), v.text());
            }
        }
        return values;
    }

    private static YamlNode defaultShell(YamlNode.Mapping body) {
        if (body.get("defaults") instanceof YamlNode.Mapping defaults && defaults.get("run") instanceof YamlNode.Mapping run) {
            return run.get("shell");
        }
        return null;
    }

    private void validateJob(String id, YamlNode node, int line) throws InvalidCiFile {
        if (!(node instanceof YamlNode.Mapping body)) {
            throw new InvalidCiFile(line, "invalid workflow: job '" + id + "' is not a map");
        }
        boolean reusable = body.get("uses") != null;
        if (!reusable && body.get("runs-on") == null) {
            throw new InvalidCiFile(line, "invalid workflow: job '" + id + "' has no runs-on");
        }
        if (reusable && body.get("steps") != null) {
            throw new InvalidCiFile(body.lineOf("steps"), "invalid workflow: job '" + id + "' calls a reusable workflow and has steps");
        }
        if (!reusable && !(body.get("steps") instanceof YamlNode.Sequence)) {
            throw new InvalidCiFile(line, "invalid workflow: job '" + id + "' has no steps");
        }
        if (body.get("steps") instanceof YamlNode.Sequence steps) {
            validateSteps("jobs." + id, steps);
        }
        for (String need : needs(body)) {
            if (!jobs.containsKey(need)) {
                throw new InvalidCiFile(body.lineOf("needs"), "invalid workflow: job '" + id + "' needs a job that does not exist");
            }
        }
    }

    private static void validateSteps(String where, YamlNode.Sequence steps) throws InvalidCiFile {
        for (int i = 0; i < steps.items().size(); i++) {
            YamlNode step = steps.items().get(i);
            String at = where + ".steps[" + i + "]";
            if (!(step instanceof YamlNode.Mapping body)) {
                throw new InvalidCiFile(step.line(), "invalid workflow: " + at + " is not a map");
            }
            boolean run = body.get("run") != null;
            boolean uses = body.get("uses") != null;
            if (run && uses) {
                throw new InvalidCiFile(body.line(), "invalid workflow: " + at + " has both run and uses");
            }
            if (!run && !uses) {
                throw new InvalidCiFile(body.line(), "invalid workflow: " + at + " has neither run nor uses");
            }
        }
    }

    private static List<String> needs(YamlNode.Mapping body) {
        List<String> needs = new ArrayList<>();
        YamlNode node = body.get("needs");
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            needs.add(s.text().strip());
        } else if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null) {
                    needs.add(s.text().strip());
                }
            }
        }
        return needs;
    }

    private JobState state(String id) throws InvalidCiFile {
        JobState known = states.get(id);
        if (known != null) {
            return known;
        }
        YamlNode.Mapping body = (YamlNode.Mapping) jobs.get(id);
        if (!resolving.add(id)) {
            throw new InvalidCiFile(body.lineOf("needs"), "invalid workflow: job '" + id + "' needs itself through a cycle");
        }
        JobState state = computeState(body);
        resolving.remove(id);
        states.put(id, state);
        return state;
    }

    private JobState computeState(YamlNode.Mapping body) throws InvalidCiFile {
        List<String> notes = new ArrayList<>();
        if (triggers.note() != null) {
            notes.add(triggers.note());
        }
        if (caller != null) {
            notes.addAll(caller.notes());
        }
        if (triggers.runs().isEmpty()) {
            return new JobState(List.of(), "in a workflow " + triggers.never(counted), notes);
        }
        List<WorkflowTriggers.Run> runs = new ArrayList<>(triggers.runs());
        YamlNode condition = body.get("if");
        // A status function (always(), cancelled()...) lets a job run after a needed job was skipped.
        Set<String> functions = condition instanceof YamlNode.Scalar c
                ? ActionsExpression.evaluateCondition(c.value(), Map.of()).functions() : Set.of();
        boolean runsAfterSkip = functions.contains("always") || functions.contains("cancelled");
        for (String need : needs(body)) {
            JobState needed = state(need);
            if (needed.disabled() != null && !runsAfterSkip) {
                return new JobState(List.of(), "in a job that needs job '" + need + "', which never runs", notes);
            }
            if (!runsAfterSkip) {
                runs.retainAll(needed.runs());
            }
            for (String note : needed.notes()) {
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        if (runs.isEmpty()) {
            return new JobState(List.of(), "in a job whose needed jobs never run in the same counted run", notes);
        }
        runs = filterByCondition(condition, runs, notes, "job");
        if (runs.isEmpty()) {
            return new JobState(List.of(), "in a job with " + falseCondition(condition), notes);
        }
        return new JobState(List.copyOf(runs), null, notes);
    }

    /** The runs where the condition is not known to be false; a note when it is not decided. */
    private static List<WorkflowTriggers.Run> filterByCondition(YamlNode condition, List<WorkflowTriggers.Run> runs,
            List<String> notes, String what) {
        if (condition == null) {
            return runs;
        }
        if (!(condition instanceof YamlNode.Scalar scalar)) {
            return runs;
        }
        List<WorkflowTriggers.Run> kept = new ArrayList<>();
        boolean undecided = false;
        boolean understood = true;
        for (WorkflowTriggers.Run run : runs) {
            ActionsExpression.Result r = ActionsExpression.evaluateCondition(scalar.value(), run == ANY_RUN ? Map.of() : run.context());
            understood &= r.understood();
            if (r.truth() != ActionsExpression.Truth.FALSE) {
                kept.add(run);
                undecided |= r.truth() == ActionsExpression.Truth.UNKNOWN;
            }
        }
        if (!understood) {
            notes.add("the " + what + "'s if: is not understood, counted");
        } else if (undecided && !kept.isEmpty()) {
            notes.add("the " + what + "'s if: is not decided statically, counted");
        }
        return kept;
    }

    /** {@code if: false} for a constant, else {@code if: false in every counted run} (it depends on the run). */
    private static String falseCondition(YamlNode condition) {
        boolean constant = condition instanceof YamlNode.Scalar scalar
                && ActionsExpression.evaluateCondition(scalar.value(), Map.of()).truth() == ActionsExpression.Truth.FALSE;
        return constant ? "if: false" : "if: false in every counted run";
    }

    /** {@code ": true"} when continue-on-error is known true, null otherwise (a note when unknown). */
    private static String continueOnError(YamlNode.Mapping body, List<WorkflowTriggers.Run> runs, List<String> notes) {
        if (!(body.get("continue-on-error") instanceof YamlNode.Scalar scalar) || scalar.value() == null) {
            return null;
        }
        if (scalar.value() instanceof String text && !text.contains("${{")) {
            // GitHub reads a plain string as the boolean it spells; anything else it refuses.
            if (text.strip().equalsIgnoreCase("true")) {
                return ": true";
            }
            if (!text.strip().equalsIgnoreCase("false")) {
                notes.add("continue-on-error is not decided statically, counted");
            }
            return null;
        }
        boolean unknown = false;
        for (WorkflowTriggers.Run run : runs) {
            ActionsExpression.Result r = ActionsExpression.evaluateValue(scalar.value(), run == ANY_RUN ? Map.of() : run.context());
            if (r.truth() == ActionsExpression.Truth.TRUE) {
                return ": true";
            }
            unknown |= r.truth() == ActionsExpression.Truth.UNKNOWN;
        }
        if (unknown) {
            notes.add("continue-on-error is not decided statically, counted");
        }
        return null;
    }

    private String because(List<WorkflowTriggers.Run> runs, String jobId, List<String> notes) {
        StringBuilder why = new StringBuilder();
        if (jobId != null) {
            String job = callerJob == null || caller == null || jobId.equals(callerJob) ? jobId : callerJob + " / " + jobId;
            why.append("triggered by ").append(WorkflowTriggers.Triggers.describe(runs)).append("; failure fails job ").append(job);
        } else {
            why.append("runs where a workflow uses this action; failure fails the calling step");
        }
        for (String note : notes) {
            why.append("; ").append(note);
        }
        return why.toString();
    }

    /** A job or a composite action's {@code runs}: its own uses/with and its steps. */
    private void runnable(YamlNode.Mapping body, String where, JobState state, String jobId, YamlNode inheritedShell,
            StepContext context) {
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String key = entry.getKey();
            String at = where + "." + key;
            YamlNode value = entry.getValue();
            if (key.equals("steps") && value instanceof YamlNode.Sequence steps) {
                for (int i = 0; i < steps.items().size(); i++) {
                    step((YamlNode.Mapping) steps.items().get(i), at + "[" + i + "]", state, jobId, inheritedShell, context);
                }
            } else if ((key.equals("uses") || key.equals("with")) && jobId != null && where.startsWith("jobs.")) {
                // Job-level: a reusable workflow call (validated: no steps).
                calls.workflowCall(body, where, key, value, state, jobId);
            } else if (key.equals("uses") || key.equals("with")) {
                String why = because(state.runs(), jobId, state.notes());
                if (key.equals("uses")) {
                    scalar(value, at, why, out);
                } else {
                    withValues(value, at, why, context);
                }
            } else {
                CiYaml.ignoredAll(value, at, CiYaml.reasonFor(key), out);
            }
        }
    }

    private void step(YamlNode.Mapping body, String where, JobState job, String jobId, YamlNode inheritedShell, StepContext jobContext) {
        List<String> notes = new ArrayList<>(job.notes());
        List<WorkflowTriggers.Run> runs = filterByCondition(body.get("if"), job.runs(), notes, "step");
        if (runs.isEmpty()) {
            CiYaml.ignoredAll(body, where, "in a step with " + falseCondition(body.get("if")), out);
            calls.notRun(body, where, "in a step with " + falseCondition(body.get("if")));
            return;
        }
        String masked = continueOnError(body, runs, notes);
        if (masked != null) {
            CiYaml.ignoredAll(body, where, "in a step with continue-on-error" + masked + ": its failure does not fail the job", out);
            calls.notRun(body, where, "in a step with continue-on-error" + masked + ": its failure does not fail the job");
            return;
        }
        YamlNode shellNode = body.get("shell") != null ? body.get("shell") : inheritedShell;
        StepShell shell = StepShell.of(shellNode instanceof YamlNode.Scalar s ? s.value() : null);
        if (shell.note() != null) {
            notes.add(shell.note());
        }
        String why = because(runs, jobId, notes);
        LocalCalls.Used used = calls.stepAction(body, where, new JobState(runs, null, notes), jobId);
        for (Map.Entry<String, YamlNode> entry : body.entries().entrySet()) {
            String key = entry.getKey();
            String at = where + "." + key;
            switch (key) {
                case "run" -> {
                    if (shell.runsScript()) {
                        CiYaml.script(entry.getValue(), at, why, shell, stepContext(body, jobContext), out);
                    } else {
                        CiYaml.ignoredAll(entry.getValue(), at, "in a step whose shell (" + shell.name() + ") does not run the script", out);
                    }
                }
                case "uses" -> calls.uses(used, entry.getValue(), at, why);
                case "with" -> calls.inputs(used, entry.getValue(), at, why, stepContext(body, jobContext));
                default -> CiYaml.ignoredAll(entry.getValue(), at, CiYaml.reasonFor(key), out);
            }
        }
    }

    /** Reusable workflows, local actions and the known-actions table, for this workflow. */
    private final LocalCalls calls = new LocalCalls(this);

    /** A called workflow or used action, read with this workflow's bounds. */
    void readCalled(YamlNode.Mapping top, boolean workflow, JobState state, String jobId, Consumer<Fragment> into,
            FollowedFiles deeper) throws InvalidCiFile {
        GithubWorkflow called = new GithubWorkflow(counted, into, deeper, state, jobId);
        if (workflow) {
            called.readWorkflow(top);
        } else {
            called.readAction(top);
        }
    }

    FollowedFiles follow() {
        return follow;
    }

    Consumer<Fragment> out() {
        return out;
    }

    String because(JobState state, String jobId) {
        return because(state.runs(), jobId, state.notes());
    }

    /** Inputs passed where nothing is known of the receiver: often scripts (shell inputs), whose comment lines do not run. */
    void withValues(YamlNode with, String where, String why, StepContext context) {
        if (!(with instanceof YamlNode.Mapping inputs)) {
            CiYaml.ignoredAll(with, where, "in a with: that is not a map", out);
            return;
        }
        for (Map.Entry<String, YamlNode> input : inputs.entries().entrySet()) {
            CiYaml.script(input.getValue(), where + "." + input.getKey(), why, null, context, out);
        }
    }

    static void scalar(YamlNode node, String where, String why, Consumer<Fragment> out) {
        if (!(node instanceof YamlNode.Scalar scalar)) {
            CiYaml.ignoredAll(node, where, "in " + where + " that is not a string", out);
            return;
        }
        String[] lines = scalar.text().split("\n", -1);
        int first = CiYaml.firstContentLine(scalar);
        for (int i = 0; i < lines.length; i++) {
            out.accept(Fragment.runs(first + i, where, lines[i], why, null));
        }
    }
}
