package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.root24.policy.YamlNode;

/**
 * A GitLab CI file, read for the jobs a pipeline on a {@link CountedRuns counted branch} runs
 * automatically and whose failure fails it: not hidden ({@code .name}), not {@code when: never}
 * or {@code manual}, not {@code allow_failure}, not limited by {@code only:} to other refs, and
 * not a keyword such as {@code variables} that only looks like a job.
 */
final class GitlabCi {

    private static final Set<String> SCRIPTS = Set.of("script", "before_script", "after_script");
    /** Top-level keywords that are not jobs, whatever they contain. */
    private static final Set<String> KEYWORDS = Set.of("default", "include", "stages", "variables", "workflow", "image",
            "services", "cache", "before_script", "after_script", "types", "spec");
    /** {@code only:} keywords that include branch pipelines (pushes and merge requests). */
    private static final Set<String> ONLY_BRANCH_PIPELINES = Set.of("branches", "pushes", "merge_requests");
    /** GitLab's shell for Linux runners: bash with {@code set -eo pipefail}. */
    private static final StepShell SHELL = StepShell.of("bash");

    private GitlabCi() {}

    static void walk(YamlNode.Mapping top, CountedRuns counted, Consumer<Fragment> out) throws InvalidCiFile {
        walk(top, counted, null, out);
    }

    /**
     * As {@link #walk(YamlNode.Mapping, CountedRuns, Consumer)}, reading the files it includes
     * locally ({@code include: local:} or a path) through {@code follow} (null: none) as part of
     * the same pipeline: a job the including file redefines takes its keys from there.
     */
    static void walk(YamlNode.Mapping top, CountedRuns counted, FollowedFiles follow, Consumer<Fragment> out)
            throws InvalidCiFile {
        String pipeline = top.get("workflow") instanceof YamlNode.Mapping workflow ? neverByRules(workflow.get("rules")) : null;
        walk(top, counted, follow, out, pipeline, Map.of(), false);
    }

    /** A local include: the path and the line that names it. */
    private record Include(String path, int line, String where) {}

    private static java.util.Set<String> walk(YamlNode.Mapping top, CountedRuns counted, FollowedFiles follow, Consumer<Fragment> out,
            String pipeline, Map<String, YamlNode.Mapping> redefined, boolean included) throws InvalidCiFile {
        Map<String, YamlNode.Mapping> jobs = new java.util.LinkedHashMap<>(redefined);
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            if (!KEYWORDS.contains(entry.getKey()) && !entry.getKey().startsWith(".") && entry.getValue() instanceof YamlNode.Mapping job) {
                jobs.putIfAbsent(entry.getKey(), job);
            }
        }
        java.util.Set<String> fromIncludes = new java.util.HashSet<>();
        if (follow != null && pipeline == null) {
            for (Include include : includes(top.get("include"), follow)) {
                FollowedFiles.Followed file = follow.open(include.path(), CiFileKind.GITLAB_CI);
                String call = include.where() + " on line " + include.line();
                if (!file.ok()) {
                    follow.note("not followed: " + call + " (" + file.refused() + ")");
                    continue;
                }
                if (!(file.document() instanceof YamlNode.Mapping child)) {
                    follow.note("not followed: " + call + " (" + file.display() + ": the document is not a map)");
                    continue;
                }
                Consumer<Fragment> into = LocalCalls.calledFrom(out, file.display(), include.line(), include.where(), new java.util.HashSet<>());
                try {
                    fromIncludes.addAll(walk(child, counted, follow.enter(file.display()), into, null, jobs, true));
                } catch (InvalidCiFile e) {
                    // GitLab refuses the whole pipeline: nothing runs.
                    throw new InvalidCiFile(include.line(), "invalid GitLab CI file: included " + file.display() + " line " + e.line() + ": " + e.getMessage());
                }
            }
        }
        java.util.Set<String> defined = walkOwn(top, counted, out, pipeline, redefined, fromIncludes, included);
        defined.addAll(fromIncludes);
        return defined;
    }

    /** The local includes of {@code include:}; other kinds (project, remote, template, component) are noted. */
    private static java.util.List<Include> includes(YamlNode include, FollowedFiles follow) {
        java.util.List<Include> out = new java.util.ArrayList<>();
        java.util.List<YamlNode> items = include instanceof YamlNode.Sequence list ? list.items()
                : include == null ? java.util.List.of() : java.util.List.of(include);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String where = include instanceof YamlNode.Sequence ? "include[" + i + "]" : "include";
            String path = null;
            int line = item.line();
            if (item instanceof YamlNode.Scalar s && s.value() != null) {
                path = s.text().strip();
            } else if (item instanceof YamlNode.Mapping m && m.get("local") instanceof YamlNode.Scalar s && s.value() != null) {
                path = s.text().strip();
                line = m.lineOf("local");
                where += ".local";
            }
            if (path == null || path.contains("://")) {
                follow.note("not followed: " + where + " on line " + line + " includes a file of another project, a template or a URL");
            } else if (path.contains("*")) {
                follow.note("not followed: " + where + " on line " + line + " is a wildcard include");
            } else {
                out.add(new Include(path, line, where));
            }
        }
        return out;
    }

    /**
     * The file's own keys; {@code redefined}: jobs the including file defines (their keys win),
     * {@code fromIncludes}: jobs an included file defines (a job here only redefines some keys).
     * Returns the names of the jobs this file defines.
     */
    private static java.util.Set<String> walkOwn(YamlNode.Mapping top, CountedRuns counted, Consumer<Fragment> out, String pipeline,
            Map<String, YamlNode.Mapping> redefined, java.util.Set<String> fromIncludes, boolean included) throws InvalidCiFile {
        java.util.Set<String> defined = new java.util.HashSet<>();
        for (Map.Entry<String, YamlNode> entry : top.entries().entrySet()) {
            String key = entry.getKey();
            YamlNode value = entry.getValue();
            if (pipeline != null) {
                CiYaml.ignoredAll(value, key, "in a pipeline whose workflow: rules never run it (" + pipeline + ")", out);
            } else if (key.equals("before_script") || key.equals("after_script")) {
                CiYaml.listOrScalar(value, key, "runs around every job; failure fails the job", SHELL, true, out);
            } else if (key.equals("default") && value instanceof YamlNode.Mapping defaults) {
                for (Map.Entry<String, YamlNode> d : defaults.entries().entrySet()) {
                    String at = key + "." + d.getKey();
                    if (d.getKey().equals("before_script") || d.getKey().equals("after_script")) {
                        CiYaml.listOrScalar(d.getValue(), at, "runs around every job; failure fails the job", SHELL, true, out);
                    } else {
                        CiYaml.ignoredAll(d.getValue(), at, CiYaml.reasonFor(d.getKey()), out);
                    }
                }
            } else if (KEYWORDS.contains(key)) {
                CiYaml.ignoredAll(value, key, "in " + key + ":, a keyword, not a job", out);
            } else if (key.startsWith(".")) {
                CiYaml.ignoredAll(value, key, "in a hidden job (a name starting with a dot never runs)", out);
            } else if (value instanceof YamlNode.Mapping job) {
                defined.add(key);
                job(key, job, top.lineOf(key), counted, out, redefined.get(key), fromIncludes.contains(key) || included);
            } else {
                throw new InvalidCiFile(top.lineOf(key), "invalid GitLab CI file: job '" + key + "' is not a map");
            }
        }
        return defined;
    }

    /**
     * {@code over}: the same job as the including file redefines it (its keys win), or null;
     * {@code partial}: the job may complete one from another file, so it needs no script of its own.
     */
    private static void job(String name, YamlNode.Mapping own, int line, CountedRuns counted, Consumer<Fragment> out,
            YamlNode.Mapping over, boolean partial) throws InvalidCiFile {
        YamlNode.Mapping job = over == null ? own : overlay(own, over);
        if (!partial && job.get("script") == null && job.get("trigger") == null && job.get("extends") == null && job.get("run") == null) {
            throw new InvalidCiFile(line, "invalid GitLab CI file: job '" + name + "' has no script");
        }
        String skipped = skipped(job, counted);
        if (skipped != null) {
            CiYaml.ignoredAll(job, name, skipped, out);
            return;
        }
        String why = "runs in a pipeline on " + String.join("/", counted.branches()) + "; failure fails job " + name;
        if (job.get("rules") != null || job.get("only") instanceof YamlNode.Mapping) {
            why += "; its rules are not decided statically, counted";
        }
        for (Map.Entry<String, YamlNode> entry : own.entries().entrySet()) {
            String at = name + "." + entry.getKey();
            if (over != null && over.get(entry.getKey()) != null) {
                CiYaml.ignoredAll(entry.getValue(), at, "in a key the including file's job of the same name replaces", out);
            } else if (SCRIPTS.contains(entry.getKey())) {
                CiYaml.listOrScalar(entry.getValue(), at, why, SHELL, true, out);
            } else {
                CiYaml.ignoredAll(entry.getValue(), at, CiYaml.reasonFor(entry.getKey()), out);
            }
        }
    }

    /** A job's keys with {@code over}'s replacing them, as GitLab merges a job an including file redefines. */
    private static YamlNode.Mapping overlay(YamlNode.Mapping own, YamlNode.Mapping over) {
        Map<String, YamlNode> entries = new java.util.LinkedHashMap<>(own.entries());
        Map<String, Integer> lines = new java.util.LinkedHashMap<>(own.keyLines());
        entries.putAll(over.entries());
        lines.putAll(over.keyLines());
        return new YamlNode.Mapping(own.line(), entries, lines);
    }

    /** Why the job never runs automatically in a counted pipeline or never fails it, or null. */
    private static String skipped(YamlNode.Mapping job, CountedRuns counted) {
        String when = text(job.get("when"));
        if ("never".equals(when)) {
            return "in a job with when: never";
        }
        if ("manual".equals(when)) {
            return "in a job with when: manual (it waits for someone to start it)";
        }
        String rules = neverByRules(job.get("rules"));
        if (rules != null) {
            return "in a job whose rules never run it (" + rules + ")";
        }
        YamlNode allow = job.get("allow_failure");
        if (allow instanceof YamlNode.Scalar a && Boolean.TRUE.equals(a.value())) {
            return "in a job with allow_failure: true (its failure does not fail the pipeline)";
        }
        List<String> only = onlyRefs(job.get("only"));
        if (only != null && only.stream().noneMatch(ref -> refIncludesBranch(ref, counted.branches()))) {
            return "in a job whose only: refs never include " + String.join("/", counted.branches());
        }
        List<String> except = onlyRefs(job.get("except"));
        if (except != null && counted.branches().stream()
                .allMatch(branch -> except.stream().anyMatch(ref -> refIncludesBranch(ref, List.of(branch))))) {
            return "in a job whose except: refs leave out " + String.join("/", counted.branches());
        }
        return null;
    }

    /** Why a {@code rules:} list never runs a job automatically ({@code when: never} or manual everywhere), or null. */
    private static String neverByRules(YamlNode rules) {
        if (!(rules instanceof YamlNode.Sequence list)) {
            return null;
        }
        if (list.items().isEmpty()) {
            return "empty rules: no rule matches";
        }
        for (YamlNode rule : list.items()) {
            if (!(rule instanceof YamlNode.Mapping r)) {
                return null;
            }
            String when = text(r.get("when"));
            if (!"never".equals(when) && !"manual".equals(when)) {
                return null;
            }
        }
        return "every rule says when: never or manual";
    }

    /** The refs of {@code only:} (a list, or a map's {@code refs}); null when it does not limit refs. */
    private static List<String> onlyRefs(YamlNode only) {
        YamlNode refs = only instanceof YamlNode.Mapping m ? m.get("refs") : only;
        if (refs == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (refs instanceof YamlNode.Scalar s && s.value() != null) {
            out.add(s.text().strip());
        } else if (refs instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null) {
                    out.add(s.text().strip());
                }
            }
        } else {
            return null;
        }
        return out;
    }

    /** Whether an only:/except: ref selects a pipeline on one of the branches. */
    private static boolean refIncludesBranch(String ref, List<String> branches) {
        if (ONLY_BRANCH_PIPELINES.contains(ref)) {
            return true;
        }
        if (ref.length() > 1 && ref.startsWith("/") && ref.lastIndexOf('/') > 0) {
            String body = ref.substring(1, ref.lastIndexOf('/'));
            boolean ignoreCase = ref.substring(ref.lastIndexOf('/') + 1).contains("i");
            try {
                Pattern p = Pattern.compile(body, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
                return branches.stream().anyMatch(b -> p.matcher(b).find());
            } catch (PatternSyntaxException e) {
                return true; // not understood: counted
            }
        }
        return branches.contains(ref);
    }

    private static String text(YamlNode node) {
        return node instanceof YamlNode.Scalar s && s.value() != null ? s.text().strip() : null;
    }
}
