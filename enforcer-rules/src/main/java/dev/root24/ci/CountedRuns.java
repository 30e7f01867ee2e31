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
record CountedRuns(List<String> events, List<String> branches) {

    static final CountedRuns DEFAULT = new CountedRuns(List.of("push", "pull_request"), List.of("main", "master"));

    CountedRuns {
        events = List.copyOf(new LinkedHashSet<>(events));
        branches = List.copyOf(branches);
        if (events.isEmpty() || branches.isEmpty()) {
            throw new IllegalArgumentException("counted runs need at least one event and one branch");
        }
    }

    /** {@code push or pull_request to main/master}, for messages. */
    String describe() {
        return String.join(" or ", events) + " to " + String.join("/", branches);
    }
}
