package dev.root24.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.root24.ci.CiPresets;
import dev.root24.ci.ToolSpec;
import dev.root24.exec.Check;
import dev.root24.exec.CommandLine;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import dev.root24.score.Tier;
import dev.root24.score.TierThresholds;
import dev.root24.score.Weights;
import dev.root24.structure.StructurePolicy;

/**
 * What one certification runs with, validated: read from the effective policy (a policy file with
 * the POM's inline parameters on top), with the defaults filled in.
 *
 * @param checks phase 2's checks, in configured order
 * @param tools phase 1's tools (empty: phase 1 not measured)
 * @param preset the preset the tools came from, or null
 * @param minScore the lowest acceptable phase 1 score (0: no gate)
 * @param structure the ROOT-24-LOCK policy of the built-in {@code root24Lock} check
 * @param weights phase weights
 * @param thresholds tier thresholds
 * @param failBelow the lowest tier that passes
 */
public record CertifySettings(List<Check> checks, List<ToolSpec> tools, String preset, int minScore,
                              StructurePolicy structure, Weights weights, TierThresholds thresholds, Tier failBelow) {

    public CertifySettings {
        checks = List.copyOf(checks);
        tools = List.copyOf(tools);
    }

    /**
     * @throws PolicyException with a one-line message naming the setting, for any invalid value
     */
    public static CertifySettings from(PolicyDocument document, RepositoryRoot root) throws PolicyException {
        PolicyDocument.Ci ci = document.ci();
        String preset = ci == null || ci.preset() == null || ci.preset().isBlank() ? null : ci.preset().strip();
        List<ToolSpec> inline = ToolSpec.fromPolicy(ci == null ? null : ci.tools());
        List<ToolSpec> tools = preset == null && inline.isEmpty() ? List.of()
                : ToolSpec.countedIn(CiPresets.combine(preset, inline), ci == null ? null : ci.countedRuns());
        int minScore = ci == null || ci.minScore() == null ? 0 : ci.minScore();
        if (minScore < 0 || minScore > 100) {
            throw new PolicyException("minScore " + minScore + " is outside 0..100");
        }
        Weights weights;
        TierThresholds thresholds;
        try {
            weights = weights(document.scoring());
            thresholds = thresholds(document.scoring());
        } catch (IllegalArgumentException e) {
            throw new PolicyException(e.getMessage());
        }
        Tier failBelow;
        try {
            failBelow = document.failBelow() == null ? Tier.NONE : Tier.parse(document.failBelow());
        } catch (IllegalArgumentException e) {
            throw new PolicyException("failBelow: " + e.getMessage());
        }
        return new CertifySettings(checks(document.checks()), tools, preset, minScore,
                StructurePolicy.from(document.structure(), root), weights, thresholds, failBelow);
    }

    private static Weights weights(PolicyDocument.Scoring scoring) {
        PolicyDocument.Weights w = scoring == null ? null : scoring.weights();
        if (w == null) {
            return Weights.DEFAULT;
        }
        return new Weights(w.staticPhase() == null ? Weights.DEFAULT.staticWeight() : w.staticPhase(),
                w.dynamicPhase() == null ? Weights.DEFAULT.dynamicWeight() : w.dynamicPhase(),
                w.auditPhase() == null ? Weights.DEFAULT.auditWeight() : w.auditPhase());
    }

    /** The tier thresholds a policy sets, each defaulted. */
    public static TierThresholds thresholds(PolicyDocument.Scoring scoring) {
        PolicyDocument.Tiers t = scoring == null ? null : scoring.tiers();
        TierThresholds d = TierThresholds.DEFAULT;
        if (t == null) {
            return d;
        }
        return new TierThresholds(t.platinum() == null ? d.platinum() : t.platinum(), t.gold() == null ? d.gold() : t.gold(),
                t.silver() == null ? d.silver() : t.silver(), t.bronze() == null ? d.bronze() : t.bronze());
    }

    private static List<Check> checks(List<PolicyDocument.Check> configured) throws PolicyException {
        if (configured == null) {
            return List.of();
        }
        List<Check> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < configured.size(); i++) {
            PolicyDocument.Check c = configured.get(i);
            String where = "checks[" + i + "]";
            if (c == null || c.id() == null || c.id().isBlank()) {
                throw new PolicyException(where + ": a check needs an <id>");
            }
            String id = c.id().strip();
            where = "check '" + id + "'";
            if (!ids.add(id)) {
                throw new PolicyException(where + " is configured twice");
            }
            String command = c.command() == null || c.command().isBlank() ? null : c.command().strip();
            boolean shell = Boolean.TRUE.equals(c.shell());
            if (command == null && shell) {
                throw new PolicyException(where + ": <shell> needs a <command>");
            }
            if (command != null && !shell) {
                try {
                    CommandLine.split(command);
                } catch (IllegalArgumentException e) {
                    throw new PolicyException(where + ": cannot split the command: " + e.getMessage());
                }
            }
            Duration timeout;
            try {
                timeout = c.timeout() == null || c.timeout().isBlank() ? Check.DEFAULT_TIMEOUT : Check.parseTimeout(c.timeout());
            } catch (IllegalArgumentException e) {
                throw new PolicyException(where + ": timeout " + e.getMessage());
            }
            int weight = c.weight() == null ? Check.DEFAULT_WEIGHT : c.weight();
            if (weight < 0) {
                throw new PolicyException(where + ": weight must not be negative, got " + weight);
            }
            Set<Integer> accept = c.acceptExitCodes() == null || c.acceptExitCodes().isEmpty() ? Set.of(0)
                    : new LinkedHashSet<>(c.acceptExitCodes());
            for (Integer code : accept) {
                if (code == null || code < 0 || code > 255) {
                    throw new PolicyException(where + ": acceptExitCodes must be within 0..255, got " + code);
                }
            }
            Map<String, String> env = c.environment() == null ? Map.of() : c.environment();
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getValue() == null) {
                    throw new PolicyException(where + ": environment variable " + e.getKey() + " has no value");
                }
            }
            checks.add(new Check(id, command, shell, timeout, accept, weight, env));
        }
        return List.copyOf(checks);
    }
}
