package dev.root24.worm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.root24.ci.Points;
import dev.root24.ci.ToolFile;
import dev.root24.exec.Finding;
import dev.root24.exec.InProcessCheck;
import dev.root24.policy.PolicyDocument;
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
 *   C = 1 if the chain holds at least one entry and verifies (no FAIL), else 0: an empty chain
 *       proves nothing, and {@code mvn clean} must not earn points
 *   S = (entries signed with an organisation key + 1 if this run signs with organisation keys only)
 *       / (entries + 1); 0 when the organisation's policy names no trusted key
 *   E = configured evidence files that count / configured; 0 when none is configured. A file
 *       counts when it is a regular, non-empty file (not a link) matching its pin, if pinned
 * </pre>
 *
 * Computed with integers only, so the floor is exact. The same verification is the
 * {@code wormChain} check of the dynamic phase ({@link #chainCheck()}), not measured while the
 * chain is empty.
 */
public final class WormAuditPhase implements AuditPhase {

    static final int CHAIN_POINTS = 40;
    static final int SIGNATURE_POINTS = 35;
    static final int EVIDENCE_POINTS = 25;

    private final ChainVerification chain;
    private final boolean trustConfigured;
    private final boolean signsWithTrustedKeys;
    private final List<PolicyDocument.Evidence> evidence;
    private final String storeInRepository;
    private final List<String> ignoredKeys;

    /**
     * @param chain the verification of the store before this run's append
     * @param trustConfigured whether the organisation named any trusted key
     * @param signsWithTrustedKeys whether this run signs, with organisation keys only
     * @param evidence files that must exist
     * @param storeInRepository the store relative to the repository root (null if outside), to place findings
     * @param ignoredKeys configured keys that do not count, each with its reason
     */
    public WormAuditPhase(ChainVerification chain, boolean trustConfigured, boolean signsWithTrustedKeys,
            List<PolicyDocument.Evidence> evidence, String storeInRepository, List<String> ignoredKeys) {
        this.storeInRepository = storeInRepository;
        this.chain = chain;
        this.trustConfigured = trustConfigured;
        this.signsWithTrustedKeys = signsWithTrustedKeys;
        this.evidence = List.copyOf(evidence);
        this.ignoredKeys = List.copyOf(ignoredKeys);
    }

    /** Settings as certify reads them. */
    public static WormAuditPhase of(ChainVerification chain, WormSettings worm) {
        return new WormAuditPhase(chain, !worm.trustedKeys().isEmpty(), worm.signsWithTrustedKeys(), worm.evidence(),
                worm.storeInRepository(), worm.ignoredKeys());
    }

    @Override
    public AuditEvidence evaluate(Path rootDirectory) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(rootDirectory);
        List<Finding> findings = new ArrayList<>();
        for (ChainProblem problem : chain.problems(Outcome.FAIL)) {
            findings.add(problemFinding(problem, storeInRepository));
        }
        int present = 0;
        List<String> missing = new ArrayList<>();
        for (PolicyDocument.Evidence item : evidence) {
            ToolFile file = ToolFile.inspect(root.resolve(item.path(), "evidence"), item.sha256(), "evidence");
            if (file.present()) {
                present++;
            } else {
                missing.add(item.path());
                findings.add(new Finding("MISSING_EVIDENCE", item.path(), 0, file.problem()));
            }
        }
        boolean chainOk = chain.entries() > 0 && chain.outcome() != Outcome.FAIL;
        long signedEntries = trustConfigured ? chain.signed() : 0;
        boolean thisRunCounts = trustConfigured && signsWithTrustedKeys;
        long slots = chain.entries() + 1;
        Points signatures = Points.of(SIGNATURE_POINTS * (signedEntries + (thisRunCounts ? 1 : 0)), slots);
        Points evidenceShare = evidence.isEmpty() ? Points.ZERO : Points.of((long) EVIDENCE_POINTS * present, evidence.size());
        Points exact = Points.of(chainOk ? CHAIN_POINTS : 0, 1).plus(signatures).plus(evidenceShare);
        int score = exact.percentOf(100);
        List<AuditImprovement> improvements = new ArrayList<>();
        if (trustConfigured && !thisRunCounts) {
            // This run's own slot is what a build can still change; earlier entries are history.
            // Only the organisation's key helps: the hint never suggests trusting a key of one's own.
            improvements.add(new AuditImprovement("sign this build with the organisation's key (ROOT24_SIGNING_KEY,"
                    + " a CI secret the organisation provides)", Points.of(SIGNATURE_POINTS, slots)));
        }
        for (String file : missing) {
            improvements.add(new AuditImprovement("add the evidence file " + file, Points.of(EVIDENCE_POINTS, evidence.size())));
        }
        if (!trustConfigured) {
            findings.add(new Finding("UNTRUSTED", null, 0,
                    "the organisation's policy names no trusted keys: signatures earn no audit points"));
        } else if (!signsWithTrustedKeys) {
            findings.add(new Finding("UNSIGNED", null, 0,
                    "this run does not sign with the organisation's key (ROOT24_SIGNING_KEY)"));
        }
        for (String ignored : ignoredKeys) {
            findings.add(new Finding("UNTRUSTED_KEY", null, 0, ignored));
        }
        if (chain.entries() == 0) {
            findings.add(new Finding("EMPTY_CHAIN", null, 0, "the chain has no entries yet: it proves nothing"
                    + " (a persistent store, not target/, keeps it across builds)"));
        }
        if (evidence.isEmpty()) {
            findings.add(new Finding("NO_EVIDENCE", null, 0, "no evidence is configured (worm.evidence): it earns nothing"));
        }
        // Said as a person would: what the chain holds, how many certifications (this one included)
        // an organisation key signed, how many evidence files are there.
        String note = String.format("chain %s (%d entr%s); %d of %d certifications signed with an organisation key,"
                + " this one included; %d of %d evidence files present",
                chain.entries() == 0 ? "empty" : switch (chain.outcome()) {
                    case OK -> "verified";
                    case WARN -> "verified with warnings";
                    case FAIL -> "failing verification";
                },
                chain.entries(), chain.entries() == 1 ? "y" : "ies",
                signedEntries + (thisRunCounts ? 1 : 0), slots, present, evidence.size());
        return new AuditEvidence(PhaseScore.measured(Phase.AUDIT, score, note), findings, exact, improvements);
    }

    /** The {@code wormChain} check: passes unless the chain fails verification; not measured while empty. */
    public InProcessCheck chainCheck() {
        return root -> {
            if (chain.entries() == 0 && chain.outcome() != Outcome.FAIL) {
                return InProcessCheck.Outcome.notMeasured("WORM chain empty in " + chain.store()
                        + ": nothing to verify yet, so the check carries no points");
            }
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
