package dev.root24.enforcer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <countedRuns>} of the {@code ciReferences} rule or of one of its {@code <tool>}s, as
 * Maven injects it from the POM; turned into the policy's {@code countedRuns} key layout.
 */
public final class CountedRunsParameter {

    /** GitHub {@code on:} event names whose runs count, one {@code <event>} each (e.g. {@code schedule}). Default: push, pull_request. */
    private List<String> events;

    /** Branch names whose runs count, one {@code <branch>} each; the first is the default branch. Default: main, master. */
    private List<String> branches;

    public CountedRunsParameter() {
        // Maven instantiates and fills it from the POM.
    }

    /** The setting in the policy's key layout; the parts not set are left out. */
    public Map<String, Object> toSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        if (events != null && !events.isEmpty()) {
            settings.put("events", new ArrayList<>(events.stream().map(String::strip).toList()));
        }
        if (branches != null && !branches.isEmpty()) {
            settings.put("branches", new ArrayList<>(branches.stream().map(String::strip).toList()));
        }
        return settings;
    }

    @Override
    public String toString() {
        return "CountedRuns[events=" + events + ", branches=" + branches + "]";
    }
}
