package dev.root24.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.root24.ci.StaticAnalysis;
import dev.root24.exec.CheckResult;
import dev.root24.score.AuditEvidence;
import dev.root24.score.NextTierPath;
import dev.root24.score.Scorecard;
import dev.root24.score.Tier;
import dev.root24.score.TierThresholds;

/**
 * Everything one certification run used and found: the input of every report.
 *
 * @param toolVersion the plugin's version
 * @param timestamp when the run finished
 * @param root the repository root (absolute)
 * @param commit the commit checked out at the root, or null outside a git repository
 * @param pomFile the repository-relative POM that configured the run (where SARIF points when a
 *     problem has no file of its own)
 * @param pomLines for each check id, the POM line that declares it (0 when not found)
 * @param inputs the configuration as given, in a stable order, secrets masked
 * @param thresholds the tier thresholds
 * @param staticAnalysis phase 1's analysis, or null when not measured
 * @param checks phase 2's results, in configured order
 * @param audit phase 3's evidence
 * @param scorecard the scores and the tier
 * @param nextTier the path to the next tier
 * @param failBelow the gate: the lowest tier that passes
 */
public record Certification(String toolVersion, Instant timestamp, String root, String commit, String pomFile,
                            Map<String, Integer> pomLines, Map<String, Object> inputs, TierThresholds thresholds,
                            StaticAnalysis staticAnalysis, List<CheckResult> checks, AuditEvidence audit,
                            Scorecard scorecard, NextTierPath nextTier, Tier failBelow) {

    public Certification {
        pomLines = Map.copyOf(pomLines);
        checks = List.copyOf(checks);
    }

    /** Whether the tier meets the gate. */
    public boolean passesGate() {
        return scorecard.tier().compareTo(failBelow) >= 0;
    }

    public List<CheckResult> failedChecks() {
        return checks.stream().filter(c -> !c.passed() && c.status() != dev.root24.exec.CheckStatus.NOT_MEASURED).toList();
    }
}
