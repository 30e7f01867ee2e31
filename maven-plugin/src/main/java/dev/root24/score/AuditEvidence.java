package dev.root24.score;

import java.util.List;

import dev.root24.exec.Finding;

/**
 * What the audit phase found.
 *
 * @param score the phase score; as a {@link PhaseScore} it says whether it was measured at all
 * @param findings problems with their place (a broken link in the chain, a missing signature)
 */
public record AuditEvidence(PhaseScore score, List<Finding> findings) {

    public AuditEvidence {
        if (score.phase() != Phase.AUDIT) {
            throw new IllegalArgumentException("audit evidence needs an audit phase score");
        }
        findings = List.copyOf(findings);
    }
}
