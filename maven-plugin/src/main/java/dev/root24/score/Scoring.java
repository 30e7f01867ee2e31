package dev.root24.score;

import java.math.BigDecimal;

/**
 * Overall = {@code floor((w1·p1 + w2·p2 + w3·p3) / 100)} in integer arithmetic, so a score on a
 * tier's edge is never lost to floating point; the tier follows from the thresholds.
 */
public record Scoring(Weights weights, TierThresholds thresholds) {

    public static final Scoring DEFAULT = new Scoring(Weights.DEFAULT, TierThresholds.DEFAULT);

    public int overall(int staticScore, int dynamicScore, int auditScore) {
        return Math.floorDiv(weightedSum(staticScore, dynamicScore, auditScore), 100);
    }

    /** The overall score before flooring, exactly (two decimals at most). */
    public BigDecimal exactOverall(int staticScore, int dynamicScore, int auditScore) {
        return BigDecimal.valueOf(weightedSum(staticScore, dynamicScore, auditScore), 2);
    }

    private int weightedSum(int p1, int p2, int p3) {
        for (int p : new int[] {p1, p2, p3}) {
            if (p < 0 || p > 100) {
                throw new IllegalArgumentException("phase scores must be within 0..100, got " + p);
            }
        }
        return weights.staticWeight() * p1 + weights.dynamicWeight() * p2 + weights.auditWeight() * p3;
    }

    public Scorecard score(PhaseScore staticPhase, PhaseScore dynamicPhase, PhaseScore auditPhase) {
        int overall = overall(staticPhase.score(), dynamicPhase.score(), auditPhase.score());
        return new Scorecard(staticPhase, dynamicPhase, auditPhase, weights, overall, thresholds.tierOf(overall),
                exactOverall(staticPhase.score(), dynamicPhase.score(), auditPhase.score()));
    }
}
