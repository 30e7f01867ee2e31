package dev.root24.score;

import java.util.List;

import dev.root24.exec.CheckResult;

/** Phase 2: {@code floor(100 × weight of passed checks / weight of all checks)}. */
public final class DynamicPhase {

    private DynamicPhase() {}

    public static PhaseScore score(List<CheckResult> results) {
        int total = results.stream().mapToInt(CheckResult::scoredWeight).sum();
        if (results.isEmpty() || total == 0) {
            return PhaseScore.notMeasured(Phase.DYNAMIC, results.isEmpty() ? "no checks configured"
                    : "no check carries weight (weight 0, or nothing to measure yet)");
        }
        int passed = results.stream().filter(CheckResult::passed).mapToInt(CheckResult::scoredWeight).sum();
        long count = results.stream().filter(CheckResult::passed).count();
        return PhaseScore.measured(Phase.DYNAMIC, score(passed, total),
                count + "/" + results.size() + " checks passed (" + passed + "/" + total + " points)");
    }

    static int score(int passedWeight, int totalWeight) {
        return Math.floorDiv(100 * passedWeight, totalWeight);
    }
}
