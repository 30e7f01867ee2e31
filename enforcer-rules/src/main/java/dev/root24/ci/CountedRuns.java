package dev.root24.ci;

import java.util.List;
import java.util.LinkedHashSet;

/**
 * Which CI runs make a reference count: the events (GitHub {@code on:} names) and the branches
 * they must reach. A workflow that no counted run triggers never runs the gate that matters.
 *
 * <p>The default is a push or a pull request to the default branch. The default branch is not
 * read from the repository (a CI checkout often has no {@code origin/HEAD}); {@code main} and
 * {@code master} both count unless configured otherwise.
 *
 * @param events counted events, e.g. {@code push}, {@code pull_request}, {@code schedule}
 * @param branches counted branch names (not patterns)
 */
public record CountedRuns(List<String> events, List<String> branches) {

    public static final CountedRuns DEFAULT = new CountedRuns(dev.root24.policy.PolicyDocument.CountedRuns.DEFAULT.events(),
            dev.root24.policy.PolicyDocument.CountedRuns.DEFAULT.branches());

    public CountedRuns {
        events = List.copyOf(new LinkedHashSet<>(events));
        branches = List.copyOf(branches);
        if (events.isEmpty() || branches.isEmpty()) {
            throw new IllegalArgumentException("counted runs need at least one event and one branch");
        }
    }

    /**
     * The policy's {@code countedRuns} setting (null: none); a part it leaves out is the
     * {@link #DEFAULT}'s, and {@code fallback} (may be null: the default) when it is null.
     */
    public static CountedRuns of(dev.root24.policy.PolicyDocument.CountedRuns setting, CountedRuns fallback) {
        CountedRuns base = fallback == null ? DEFAULT : fallback;
        if (setting == null) {
            return base;
        }
        return new CountedRuns(setting.events() == null || setting.events().isEmpty() ? base.events() : setting.events().stream().map(String::strip).toList(),
                setting.branches() == null || setting.branches().isEmpty() ? base.branches() : setting.branches().stream().map(String::strip).toList());
    }

    /** {@code push or pull_request to main/master}, for messages. */
    public String describe() {
        return String.join(" or ", events) + " to " + String.join("/", branches);
    }
}
