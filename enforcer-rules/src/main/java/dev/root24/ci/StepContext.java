package dev.root24.ci;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a script runs: its working directory and the variables it starts with, as far as they
 * are known statically. GitHub fills it from {@code working-directory} (step, then the job's and
 * the workflow's {@code defaults.run}), {@code env:} (workflow, job, step) and single-valued
 * {@code matrix} entries.
 *
 * @param workingDirectory repository-relative ({@code ""} is the root), normalised; null when not
 *     known statically (an expression) or outside the repository
 * @param env variables with a static value
 * @param matrix matrix keys with exactly one value
 */
record StepContext(String workingDirectory, Map<String, String> env, Map<String, String> matrix) {

    /** A script run from the repository root with nothing known of its variables. */
    static final StepContext ROOT = new StepContext("", Map.of(), Map.of());

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern PROPERTY = Pattern.compile("(env|matrix)\\.([A-Za-z_][A-Za-z0-9_-]*)");

    StepContext {
        env = Map.copyOf(env);
        matrix = Map.copyOf(matrix);
    }

    /** This context with a working directory as written in YAML ({@code ./a/b}, an expression...). */
    StepContext in(String directory) {
        if (directory == null) {
            return this;
        }
        return new StepContext(ScriptPath.directory(substitute(directory)), env, matrix);
    }

    /** This context with more variables (a later {@code env:} wins); values holding expressions are substituted. */
    StepContext withEnv(Map<String, String> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new HashMap<>(env);
        more.forEach((k, v) -> merged.put(k, substitute(v)));
        return new StepContext(workingDirectory, merged, matrix);
    }

    StepContext withMatrix(Map<String, String> single) {
        Map<String, String> merged = new HashMap<>(matrix);
        merged.putAll(single);
        return new StepContext(workingDirectory, env, merged);
    }

    /**
     * The text as GitHub hands it to the shell: {@code ${{ }}} expressions replaced by what is
     * known of them ({@code github.workspace}, {@code runner.temp}, {@code env.X}, a single matrix
     * value), every other expression by a variable no script sets, so it stays unknown.
     */
    String substitute(String text) {
        if (text.indexOf("${{") < 0) {
            return text;
        }
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String expression) {
        String e = expression.strip();
        if (e.equals("github.workspace")) {
            return "$GITHUB_WORKSPACE";
        }
        if (e.equals("runner.temp")) {
            return "$RUNNER_TEMP";
        }
        Matcher p = PROPERTY.matcher(e);
        if (p.matches()) {
            String v = p.group(1).equals("env") ? env.get(p.group(2)) : matrix.get(p.group(2));
            if (v != null && !v.contains("${{")) {
                return v;
            }
        }
        return "${R24_UNKNOWN_EXPRESSION}";
    }
}
