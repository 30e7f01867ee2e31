package dev.root24.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.root24.policy.YamlNode;

/**
 * A workflow's {@code on:}, read for the {@link CountedRuns} it takes part in: which counted
 * events reach which counted branches, after {@code branches}, {@code branches-ignore},
 * {@code tags} and {@code types} filters.
 */
final class WorkflowTriggers {

    /** Events whose {@code branches} filter names the branch a run is on (or, for pull requests, targets). */
    private static final Set<String> BRANCH_FILTERED = Set.of("push", "pull_request", "pull_request_target");
    /** Pull request activity types a run on every update has; a filter without them runs only on rarer events. */
    private static final Set<String> PR_DEFAULT_TYPES = Set.of("opened", "synchronize", "reopened");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,40}");

    /** One counted run: an event reaching a branch. */
    record Run(String event, String branch) {

        /** What the expression language knows in this run. */
        Map<String, ActionsExpression.Value> context() {
            Map<String, ActionsExpression.Value> c = new LinkedHashMap<>();
            c.put("github.event_name", ActionsExpression.Value.of(event));
            if (event.startsWith("pull_request")) {
                c.put("github.ref", event.equals("pull_request")
                        ? ActionsExpression.Value.startingWith("refs/pull/") : ActionsExpression.Value.of("refs/heads/" + branch));
                c.put("github.base_ref", ActionsExpression.Value.of(branch));
                c.put("github.ref_type", ActionsExpression.Value.of("branch"));
            } else {
                c.put("github.ref", ActionsExpression.Value.of("refs/heads/" + branch));
                c.put("github.ref_name", ActionsExpression.Value.of(branch));
                c.put("github.ref_type", ActionsExpression.Value.of("branch"));
                c.put("github.base_ref", ActionsExpression.Value.of(""));
                c.put("github.head_ref", ActionsExpression.Value.of(""));
            }
            return c;
        }
    }

    /**
     * The counted runs that trigger the workflow ({@code runs} empty: none), a note for filters
     * that are not decided statically (paths), and the events it has, for messages.
     */
    record Triggers(List<Run> runs, String note, List<String> events, boolean filteredOut) {

        /** {@code push to main, pull_request to main}. */
        static String describe(List<Run> runs) {
            Map<String, List<String>> byEvent = new LinkedHashMap<>();
            for (Run run : runs) {
                byEvent.computeIfAbsent(run.event(), e -> new ArrayList<>()).add(run.branch());
            }
            List<String> parts = new ArrayList<>();
            byEvent.forEach((event, branches) -> parts.add(event + " to " + String.join("/", branches)));
            return String.join(", ", parts);
        }

        /** Why no counted run triggers it: {@code workflow_dispatch only}. */
        String never(CountedRuns counted) {
            List<String> named = events.stream().filter(e -> EVENT_NAME.matcher(e).matches()).toList();
            String on = named.isEmpty() ? "no event" : String.join(", ", named);
            if (filteredOut) {
                on += ", whose branch, tag or type filters leave those out";
            } else if (named.size() == 1) {
                on += " only";
            }
            return "never triggered by " + counted.describe() + " (on: " + on + ")";
        }
    }

    private WorkflowTriggers() {}

    /**
     * Reads {@code on}. @throws InvalidCiFile when it is missing or not a trigger, as GitHub
     * refuses such a workflow
     */
    static Triggers read(YamlNode on, int line, CountedRuns counted) throws InvalidCiFile {
        if (on == null) {
            throw new InvalidCiFile(1, "invalid workflow: no 'on:' trigger, GitHub never runs it");
        }
        Map<String, YamlNode> events = new LinkedHashMap<>();
        if (on instanceof YamlNode.Scalar s && s.value() instanceof String name && !name.isBlank()) {
            events.put(name.strip(), null);
        } else if (on instanceof YamlNode.Sequence list && !list.items().isEmpty()) {
            for (YamlNode item : list.items()) {
                if (!(item instanceof YamlNode.Scalar s) || !(s.value() instanceof String name) || name.isBlank()) {
                    throw new InvalidCiFile(item.line(), "invalid workflow: an 'on:' event is not a name");
                }
                events.put(name.strip(), null);
            }
        } else if (on instanceof YamlNode.Mapping map && !map.entries().isEmpty()) {
            events.putAll(map.entries());
        } else {
            throw new InvalidCiFile(line, "invalid workflow: 'on:' names no event");
        }
        List<Run> runs = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        boolean filteredOut = false;
        for (Map.Entry<String, YamlNode> event : events.entrySet()) {
            String name = event.getKey();
            if (!counted.events().contains(name)) {
                continue;
            }
            filteredOut = true;
            YamlNode config = event.getValue();
            Map<String, YamlNode> filters = config instanceof YamlNode.Mapping m ? m.entries() : Map.of();
            if (!BRANCH_FILTERED.contains(name)) {
                // schedule, workflow_dispatch...: a run on the default branch.
                runs.add(new Run(name, counted.branches().get(0)));
                continue;
            }
            if (filters.containsKey("branches") && filters.containsKey("branches-ignore")) {
                throw new InvalidCiFile(line, "invalid workflow: '" + name + "' has both branches and branches-ignore");
            }
            if (name.equals("push") && !filters.containsKey("branches") && !filters.containsKey("branches-ignore")
                    && (filters.containsKey("tags") || filters.containsKey("tags-ignore"))) {
                continue; // tag pushes only
            }
            if (name.startsWith("pull_request") && filters.get("types") != null && !hasDefaultType(filters.get("types"))) {
                continue;
            }
            if (strings(filters.get("paths-ignore")).contains("**") || filters.get("paths") instanceof YamlNode.Sequence none
                    && none.items().isEmpty()) {
                continue; // every changed path is ignored, or none is listed: never triggered
            }
            if (filters.containsKey("paths") || filters.containsKey("paths-ignore")) {
                notes.add("only when the changed paths match its paths filter");
            }
            for (String branch : counted.branches()) {
                boolean matches;
                if (filters.containsKey("branches")) {
                    matches = matchesFilter(filters.get("branches"), branch);
                } else if (filters.containsKey("branches-ignore")) {
                    matches = !matchesFilter(filters.get("branches-ignore"), branch);
                } else {
                    matches = true;
                }
                if (matches) {
                    runs.add(new Run(name, branch));
                }
            }
        }
        return new Triggers(List.copyOf(runs), notes.isEmpty() ? null : String.join("; ", notes), List.copyOf(events.keySet()), filteredOut);
    }

    private static boolean hasDefaultType(YamlNode types) {
        List<String> names = strings(types);
        return names.stream().anyMatch(PR_DEFAULT_TYPES::contains);
    }

    /** GitHub filter semantics: patterns in order, a later {@code !pattern} removes what earlier ones added. */
    static boolean matchesFilter(YamlNode patterns, String branch) {
        boolean matched = false;
        for (String p : strings(patterns)) {
            if (p.startsWith("!")) {
                if (matched && glob(p.substring(1)).matcher(branch).matches()) {
                    matched = false;
                }
            } else if (!matched && glob(p).matcher(branch).matches()) {
                matched = true;
            }
        }
        return matched;
    }

    private static List<String> strings(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (node instanceof YamlNode.Scalar s && s.value() != null) {
            out.add(s.text().strip());
        } else if (node instanceof YamlNode.Sequence list) {
            for (YamlNode item : list.items()) {
                if (item instanceof YamlNode.Scalar s && s.value() != null) {
                    out.add(s.text().strip());
                }
            }
        }
        return out;
    }

    /**
     * GitHub's filter pattern: {@code *} any run of characters but {@code /}, {@code **} any run,
     * {@code ?} and {@code +} repeat the previous character, {@code [...]} a class; the rest is literal.
     */
    static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if ((c == '?' || c == '+') && re.length() > 0) {
                re.append(c);
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 1);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    re.append('[').append(pattern.substring(i + 1, close).replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = close;
                }
            } else {
                re.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            }
        }
        try {
            return Pattern.compile(re.toString());
        } catch (java.util.regex.PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(pattern));
        }
    }
}
