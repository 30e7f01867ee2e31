package dev.root24.worm;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.root24.ci.Points;
import dev.root24.exec.Finding;
import dev.root24.exec.InProcessCheck;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.score.AuditEvidence;
import dev.root24.score.AuditImprovement;
import dev.root24.score.AuditPhase;
import dev.root24.score.Phase;
import dev.root24.score.PhaseScore;

/**
 * Phase 3, the audit proof, from the WORM chain as it stood before this run appends to it:
 *
 * <pre>
 * audit = floor(40·C + 35·S + 25·E)
 *   C = 1 if the chain verifies (no FAIL; an empty chain verifies), else 0
 *   S = (entries signed with a trusted key + 1 if this run signs with trusted keys only)
 *       / (entries + 1); 0 when no trusted key is configured
 *   E = configured evidence files present / configured (1 when none are configured)
 * </pre>
 *
 * Computed with integers only, so the floor is exact. The same verification is the
 * {@code wormChain} check of the dynamic phase ({@link #chainCheck()}).
 */
public final class WormAuditPhase implements AuditPhase {

    static final int CHAIN_POINTS = 40;
    static final int SIGNATURE_POINTS = 35;
    static final int EVIDENCE_POINTS = 25;

    private final ChainVerification chain;
    private final boolean trustConfigured;
    private final boolean signsWithTrustedKeys;
    private final List<String> evidence;
    private final String storeInRepository;

    /**
     * @param chain the verification of the store before this run's append
     * @param trustConfigured whether any trusted key was configured
     * @param signsWithTrustedKeys whether this run signs, with trusted keys only
     * @param evidence repository-relative files that must exist
     * @param storeInRepository the store relative to the repository root (null if outside), to place findings
     */
    public WormAuditPhase(ChainVerification chain, boolean trustConfigured, boolean signsWithTrustedKeys,
            List<String> evidence, String storeInRepository) {
        this.storeInRepository = storeInRepository;
        this.chain = chain;
        this.trustConfigured = trustConfigured;
        this.signsWithTrustedKeys = signsWithTrustedKeys;
        this.evidence = List.copyOf(evidence);
    }

    @Override
    public AuditEvidence evaluate(Path rootDirectory) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(rootDirectory);
        List<Finding> findings = new ArrayList<>();
        for (ChainProblem problem : chain.problems(Outcome.FAIL)) {
            findings.add(problemFinding(problem, storeInRepository));
        }
        int present = 0;
        for (String file : evidence) {
            Path path = root.resolve(file, "evidence");
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                present++;
            } else {
                findings.add(new Finding("MISSING_EVIDENCE", file, 0, "configured evidence file is missing"));
            }
        }
        boolean chainOk = chain.outcome() != Outcome.FAIL;
        long signedEntries = trustConfigured ? chain.signed() : 0;
        boolean thisRunCounts = trustConfigured && signsWithTrustedKeys;
        long slots = chain.entries() + 1;
        Points signatures = Points.of(SIGNATURE_POINTS * (signedEntries + (thisRunCounts ? 1 : 0)), slots);
        Points evidenceShare = evidence.isEmpty() ? Points.of(EVIDENCE_POINTS, 1)
                : Points.of((long) EVIDENCE_POINTS * present, evidence.size());
        Points exact = Points.of(chainOk ? CHAIN_POINTS : 0, 1).plus(signatures).plus(evidenceShare);
        int score = exact.percentOf(100);
        List<AuditImprovement> improvements = new ArrayList<>();
        if (!thisRunCounts) {
            // This run's own slot is what a build can still change; earlier entries are history.
            improvements.add(new AuditImprovement(trustConfigured
                    ? "sign this build with a trusted key (signingKey or ROOT24_SIGNING_KEY)"
                    : "sign this build and list its public key in trustedKeys", Points.of(SIGNATURE_POINTS, slots)));
        }
        for (String file : evidence) {
            if (findings.stream().anyMatch(f -> "MISSING_EVIDENCE".equals(f.kind()) && file.equals(f.file()))) {
                improvements.add(new AuditImprovement("add the evidence file " + file,
                        Points.of(EVIDENCE_POINTS, evidence.size())));
            }
        }
        if (!trustConfigured) {
            findings.add(new Finding("UNTRUSTED", null, 0,
                    "no trusted keys are configured: signatures count for nothing (set trustedKeys)"));
        } else if (!signsWithTrustedKeys) {
            findings.add(new Finding("UNSIGNED", null, 0,
                    "this run does not sign with a trusted key (set signingKey or ROOT24_SIGNING_KEY)"));
        }
        String note = String.format("chain %s (%d entr%s), %d/%d signed with trusted keys, evidence %d/%d",
                chain.outcome(), chain.entries(), chain.entries() == 1 ? "y" : "ies",
                signedEntries + (thisRunCounts ? 1 : 0), slots, evidence.isEmpty() ? 1 : present,
                evidence.isEmpty() ? 1 : evidence.size());
        return new AuditEvidence(PhaseScore.measured(Phase.AUDIT, score, note), findings, exact, improvements);
    }

    /** The {@code wormChain} check: passes unless the chain fails verification. */
    public InProcessCheck chainCheck() {
        return root -> {
            List<Finding> findings = chain.problems().stream().map(p -> problemFinding(p, storeInRepository)).toList();
            StringBuilder output = new StringBuilder("WORM chain " + chain.outcome() + ": " + chain.entries()
                    + " entries, " + chain.signed() + " signed with trusted keys, in " + chain.store());
            chain.problems().forEach(p -> output.append(System.lineSeparator()).append(p));
            return new InProcessCheck.Outcome(chain.outcome() != Outcome.FAIL, output.toString(), findings);
        };
    }

    private static Finding problemFinding(ChainProblem problem, String storeInRepository) {
        String where = problem.index() == null ? "" : "entry " + problem.index() + ": ";
        String file = problem.file() == null || storeInRepository == null ? null
                : storeInRepository.isEmpty() ? problem.file() : storeInRepository + "/" + problem.file();
        return new Finding("WORM_" + problem.severity().name(), file, 0, where + problem.message());
    }
}
