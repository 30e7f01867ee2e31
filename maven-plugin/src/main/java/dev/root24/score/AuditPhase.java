package dev.root24.score;

import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.PolicyException;

/**
 * Phase 3, the audit proof: where the WORM chain verification plugs into a certification. Until
 * one is configured the phase is {@link #notMeasured not measured} and scores 0.
 */
@FunctionalInterface
public interface AuditPhase {

    /**
     * Measures the audit proof of the repository at {@code root}.
     *
     * @throws PolicyException for a configuration mistake (e.g. a store path outside the root)
     */
    AuditEvidence evaluate(Path root) throws PolicyException;

    /** A phase that reports itself as not measured, for the given reason, and scores 0. */
    static AuditPhase notMeasured(String why) {
        return root -> new AuditEvidence(PhaseScore.notMeasured(Phase.AUDIT, why), List.of());
    }
}
