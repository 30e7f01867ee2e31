package dev.root24.score;

import java.util.List;

import dev.root24.ci.Points;
import dev.root24.exec.Finding;

/**
 * What the audit phase found.
 *
 * @param score the phase score; as a {@link PhaseScore} it says whether it was measured at all
 * @param findings problems with their place (a broken link in the chain, a missing signature)
 * @param exact the score before flooring, so that improvements add up exactly
 * @param improvements what would raise the score, for the path to the next tier
 */
public record AuditEvidence(PhaseScore score, List<Finding> findings, Points exact, List<AuditImprovement> improvements) {

    public AuditEvidence {
        if (score.phase() != Phase.AUDIT) {
            throw new IllegalArgumentException("audit evidence needs an audit phase score");
        }
        findings = List.copyOf(findings);
        improvements = List.copyOf(improvements);
    }

    /** Evidence with nothing to improve and an integer score. */
    public AuditEvidence(PhaseScore score, List<Finding> findings) {
        this(score, findings, Points.of(score.score(), 1), List.of());
    }
}
