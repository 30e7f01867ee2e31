package dev.root24.worm;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one certification run contributes to the chain; the store adds the chain fields.
 *
 * @param subjectName     the verified repository, e.g. {@code groupId:artifactId} or its URL
 * @param gitCommit       the commit that was verified (hex SHA-1 or SHA-256), or {@code null} outside git
 * @param reportJson      the bytes of {@code report.json}; its RFC 8785 canonical form is digested
 * @param overallScore    the overall score, 0..100
 * @param tier            the tier reached, e.g. {@code SILVER}
 * @param phaseScores     phase name to score, e.g. {@code static_analysis -> 52}
 * @param policyDigest    a digest of the policy that was applied (e.g. {@code sha256:...}), or {@code null}
 * @param verifierVersion the version of root24 that produced the certification
 * @param claims what a verifier judges besides the score, or null (older callers and tests)
 */
public record CertificationRecord(String subjectName, String gitCommit, byte[] reportJson, int overallScore,
        String tier, Map<String, Integer> phaseScores, String policyDigest, String verifierVersion,
        CertificationClaims claims) {

    public CertificationRecord(String subjectName, String gitCommit, byte[] reportJson, int overallScore, String tier,
            Map<String, Integer> phaseScores, String policyDigest, String verifierVersion) {
        this(subjectName, gitCommit, reportJson, overallScore, tier, phaseScores, policyDigest, verifierVersion, null);
    }

    public CertificationRecord {
        Objects.requireNonNull(subjectName, "subjectName");
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(verifierVersion, "verifierVersion");
        phaseScores = Map.copyOf(new TreeMap<>(phaseScores));
        reportJson = reportJson.clone();
    }

    @Override
    public byte[] reportJson() {
        return reportJson.clone();
    }
}
