package dev.root24.score;

import java.math.BigDecimal;
import java.util.List;

/**
 * The three phase scores, the overall score and the tier.
 *
 * @param exactOverall the weighted sum before flooring
 */
public record Scorecard(PhaseScore staticPhase, PhaseScore dynamicPhase, PhaseScore auditPhase, Weights weights,
                        int overall, Tier tier, BigDecimal exactOverall) {

    public List<PhaseScore> phases() {
        return List.of(staticPhase, dynamicPhase, auditPhase);
    }

    /** {@code ROOT24 80/100 SILVER (static 52, dynamic 100, audit 91)}. */
    public String verdict() {
        return "ROOT24 " + overall + "/100 " + tier + " (static " + staticPhase.display() + ", dynamic "
                + dynamicPhase.display() + ", audit " + auditPhase.display() + ")";
    }
}
