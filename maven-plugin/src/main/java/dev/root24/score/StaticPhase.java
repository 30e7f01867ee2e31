package dev.root24.score;

import dev.root24.ci.StaticAnalysis;

/** Phase 1 from the {@code ciReferences} analysis; not measured when no tool is configured. */
public final class StaticPhase {

    private StaticPhase() {}

    public static PhaseScore score(StaticAnalysis analysis) {
        if (analysis == null || analysis.tools().isEmpty()) {
            return PhaseScore.notMeasured(Phase.STATIC, "no CI tools configured (set <preset> or <tools>)");
        }
        long complete = analysis.tools().stream().filter(t -> t.toolPresent() && t.found() == t.total()).count();
        return PhaseScore.measured(Phase.STATIC, analysis.score(), complete + "/" + analysis.tools().size()
                + " tools fully wired (" + analysis.exactTotal() + " of " + analysis.totalMax() + " tool points)");
    }
}
