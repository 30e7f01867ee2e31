package dev.root24.org;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

import dev.root24.worm.CanonicalJson;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.ChainHistory;
import dev.root24.worm.ChainProblem;
import dev.root24.worm.ChainStore;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.ChainVerifier;
import dev.root24.worm.DsseEnvelope;
import dev.root24.worm.Outcome;
import dev.root24.worm.RepositoryChainStore;
import tools.jackson.databind.JsonNode;

/**
 * Judges one project's deployed chain for the organisation report: the whole chain with
 * {@link ChainVerifier} (links, gaps, forks, every signature against the organisation's keys) and
 * its latest certification with {@link CertificationVerifier}, as {@code verify-certification}
 * would (organisation key, organisation policy, nothing locked overridden, required tier, and that
 * it certifies this project and version). Age is left to {@link ProjectRow#aged}.
 */
public final class ProjectAssessment {

    private final CertificationVerifier.Requirements requirements;
    private final CertificationVerifier verifier;
    private final ChainVerifier chainVerifier;

    /** @param requirements the organisation's requirements; their {@code maxAge} is not applied here */
    public ProjectAssessment(CertificationVerifier.Requirements requirements, java.time.Clock clock) {
        this.requirements = new CertificationVerifier.Requirements(requirements.keys(), requirements.algorithms(),
                requirements.policySha256(), requirements.locked(), requirements.requiredTier(), null,
                requirements.allowDirty());
        this.verifier = new CertificationVerifier(this.requirements, clock);
        this.chainVerifier = new ChainVerifier(requirements.keys(), null, requirements.algorithms());
    }

    /** The row of {@code project}, whose deployed certifications {@code store} lists. */
    public ProjectRow assess(ProjectCoordinates project, ChainStore store) {
        NavigableMap<Long, ChainStore.StoredEntry> entries;
        List<ChainProblem> storeProblems;
        try (ChainStore.Listing listing = store.list()) {
            entries = listing.entries();
            storeProblems = listing.problems();
        }
        if (entries == null || entries.isEmpty()) {
            List<String> fails = storeProblems.stream().filter(p -> p.severity() == Outcome.FAIL).map(ChainProblem::toString).toList();
            if (fails.isEmpty()) {
                return ProjectRow.never(project, "no certification is deployed for " + project);
            }
            return new ProjectRow(project, OrgStatus.FAILED_VERIFICATION, null, null, -1, null, null, List.of(), 0, fails,
                    0, List.of());
        }
        ChainVerification chain = chainVerifier.verify(store);
        ChainHistory history = ChainHistory.of(store, chain, !requirements.keys().isEmpty());
        Map.Entry<Long, ChainStore.StoredEntry> latest = entries.lastEntry();
        String name = latest.getValue().name();
        String version = name.startsWith(project + ":") ? name.substring(project.toString().length() + 1) : null;
        byte[] bytes;
        try {
            bytes = latest.getValue().read();
        } catch (IOException e) {
            return new ProjectRow(project, OrgStatus.FAILED_VERIFICATION, version, null, -1, null, null, List.of(), 0,
                    List.of(name + ": cannot be read (" + e.getClass().getSimpleName() + ")"), entries.size(),
                    history.points());
        }
        CertificationVerifier.Verdict verdict = verifier.verify(bytes).requireProject(project + ":" + version);

        List<String> reasons = new ArrayList<>();
        boolean otherFailure = !verdict.accepted();
        verdict.reasons().forEach(r -> reasons.add(name + ": " + r));
        boolean gap = entries.size() != entries.lastKey() + 1;
        boolean fork = false;
        for (ChainProblem problem : chain.problems()) {
            boolean aboutGap = problem.index() != null && !entries.containsKey(problem.index());
            if (problem.severity() == Outcome.FAIL) {
                reasons.add(problem.toString());
                otherFailure |= !aboutGap;
            } else if (problem.message().startsWith(RepositoryChainStore.FORK)) {
                reasons.add(problem.toString());
                fork = true;
            }
        }
        int overrides = 0;
        String policyVersion = null;
        boolean unsigned = false;
        try {
            DsseEnvelope envelope = DsseEnvelope.parse(bytes);
            unsigned = envelope.signatures().isEmpty();
            JsonNode cert = CanonicalJson.parse(envelope.payload()).path("predicate").path("certification");
            overrides = cert.path("overrides").size();
            policyVersion = policyVersion(cert.path("policy"));
        } catch (RuntimeException e) {
            // The verdict already says it is not a certification.
        }
        OrgStatus status = unsigned ? OrgStatus.UNSIGNED : otherFailure ? OrgStatus.FAILED_VERIFICATION
                : gap ? OrgStatus.GAP : fork ? OrgStatus.FORK : OrgStatus.OK;
        return new ProjectRow(project, status, version, verdict.tier(), verdict.score(), verdict.timestamp(), policyVersion,
                verdict.signers().stream().map(s -> s.substring(0, Math.min(16, s.length()))).toList(), overrides, reasons,
                entries.size(), history.points());
    }

    /** The policy artifact's version, {@code file} for a policy file, or null when the certification names none. */
    private static String policyVersion(JsonNode policy) {
        String artifact = policy.path("artifact").asString(null);
        if (artifact != null) {
            String[] parts = artifact.split(":");
            return parts.length >= 3 ? parts[parts.length - 1] : artifact;
        }
        return policy.path("location").isString() ? "file" : null;
    }
}
