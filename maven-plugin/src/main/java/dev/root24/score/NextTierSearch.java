package dev.root24.score;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.root24.ci.MissingReference;
import dev.root24.ci.Points;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolResult;
import dev.root24.exec.CheckResult;

/**
 * Finds, exactly, the smallest set of actions (a missing CI reference, a missing tool file, a
 * failing check) that lifts the overall score into the next tier.
 *
 * <p>Each set is scored the way the real run would score it: phase 1 by re-running the static
 * score on the analysis {@link StaticAnalysis#assuming assuming} the references fixed, phase 2 by
 * counting the checks as passed. Floors make gains non-additive (two references may each add
 * nothing alone and a point together), so sets are searched exhaustively by size, smallest first;
 * among sets of the smallest size that reach the tier, the highest overall wins, then the earliest
 * in report order. The search stops at {@link #maxSetSize} actions or {@link #maxEvaluations}
 * scored sets, and says so when it stopped there.
 */
public final class NextTierSearch {

    public static final int DEFAULT_MAX_SET_SIZE = 12;
    public static final long DEFAULT_MAX_EVALUATIONS = 200_000;

    private final Scoring scoring;
    private final int maxSetSize;
    private final long maxEvaluations;

    public NextTierSearch(Scoring scoring) {
        this(scoring, DEFAULT_MAX_SET_SIZE, DEFAULT_MAX_EVALUATIONS);
    }

    public NextTierSearch(Scoring scoring, int maxSetSize, long maxEvaluations) {
        this.scoring = scoring;
        this.maxSetSize = maxSetSize;
        this.maxEvaluations = maxEvaluations;
    }

    /**
     * @param analysis the static analysis, or null when phase 1 is not measured
     * @param checks the dynamic results (empty when phase 2 is not measured)
     * @param audit the audit phase score, which no action here changes
     */
    public NextTierPath search(StaticAnalysis analysis, List<CheckResult> checks, PhaseScore audit) {
        return search(analysis, checks, audit, null);
    }

    /**
     * The smallest set of actions that reaches {@code goal} (e.g. the tier a build must reach),
     * or the next tier when {@code goal} is null or not above the current tier.
     */
    public NextTierPath search(StaticAnalysis analysis, List<CheckResult> checks, PhaseScore audit, Tier goal) {
        return search(analysis, checks, new AuditEvidence(audit, List.of()), goal);
    }

    /** As above, with the audit phase's own improvements among the actions. */
    public NextTierPath search(StaticAnalysis analysis, List<CheckResult> checks, AuditEvidence audit, Tier goal) {
        Candidates space = new Candidates(analysis, checks, audit);
        int now = space.overall(new int[0], 0);
        Tier from = scoring.thresholds().tierOf(now);
        Tier target = goal != null && goal.compareTo(from) > 0 ? goal : from.next();
        int n = space.actions.size();
        if (target == null) {
            return new NextTierPath(from, null, scoring.thresholds().minimumOf(from), NextTierPath.Outcome.AT_TOP,
                    List.of(), now, n, 0, 0, "already at the highest tier");
        }
        int threshold = scoring.thresholds().minimumOf(target);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int best = space.overall(all, n);
        if (best < threshold) {
            return new NextTierPath(from, target, threshold, NextTierPath.Outcome.OUT_OF_REACH, List.of(), now, n, n, 1,
                    target + " (" + threshold + ") is out of reach" + (n == 0 ? ": nothing is left to change and the score stays "
                            : ": all " + n + " possible " + (n == 1 ? "change gives " : "changes together give ")) + best
                            + space.unmeasuredNote());
        }
        long evaluated = 1;
        int searched = 0;
        for (int k = 1; k <= Math.min(n, maxSetSize); k++) {
            long combinations = binomial(n, k);
            if (evaluated + combinations > maxEvaluations) {
                break;
            }
            searched = k;
            int[] chosen = null;
            int chosenScore = -1;
            int[] set = new int[k];
            for (int i = 0; i < k; i++) {
                set[i] = i;
            }
            while (true) {
                evaluated++;
                int score = space.overall(set, k);
                if (score >= threshold && score > chosenScore) {
                    chosen = set.clone();
                    chosenScore = score;
                }
                if (!nextCombination(set, n)) {
                    break;
                }
            }
            if (chosen != null) {
                List<NextTierPath.Step> steps = space.steps(chosen);
                return new NextTierPath(from, target, threshold, NextTierPath.Outcome.FOUND, steps, chosenScore, n, k,
                        evaluated, k + (k == 1 ? " action reaches " : " actions reach ") + target + " (" + threshold + "): "
                                + now + " -> " + chosenScore);
            }
        }
        return new NextTierPath(from, target, threshold, NextTierPath.Outcome.BEYOND_SEARCH_BOUND, List.of(), now, n,
                searched, evaluated, "no set of up to " + searched + " actions reaches " + target + " (" + threshold
                        + "); the search is bounded at " + maxSetSize + " actions and " + maxEvaluations + " sets");
    }

    private static boolean nextCombination(int[] set, int n) {
        int k = set.length;
        int i = k - 1;
        while (i >= 0 && set[i] == n - k + i) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        set[i]++;
        for (int j = i + 1; j < k; j++) {
            set[j] = set[j - 1] + 1;
        }
        return true;
    }

    private static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > Long.MAX_VALUE / (n + 1L)) {
                return Long.MAX_VALUE / 2;
            }
        }
        return result;
    }

    /** The actions and how to score any subset of them. */
    private final class Candidates {
        final List<Action> actions = new ArrayList<>();
        final List<MissingReference> references = new ArrayList<>();
        final List<Integer> checkWeights = new ArrayList<>();
        final List<Points> auditGains = new ArrayList<>();
        final Points auditExact;
        final StaticAnalysis analysis;
        final int passedWeight;
        final int totalWeight;
        final int audit;
        final boolean staticMeasured;
        final boolean dynamicMeasured;

        Candidates(StaticAnalysis analysis, List<CheckResult> checks, AuditEvidence evidence) {
            this.analysis = analysis;
            this.audit = evidence.score().score();
            this.auditExact = evidence.exact();
            this.staticMeasured = analysis != null && !analysis.tools().isEmpty();
            if (staticMeasured) {
                for (MissingReference missing : analysis.missing()) {
                    ToolResult tool = analysis.tool(missing.toolId());
                    String path = tool.tool().path();
                    if (missing.toolFile()) {
                        actions.add(new Action(Action.Kind.CREATE_TOOL_FILE, missing.toolId(), path,
                                "create " + path + " (tool " + missing.toolId() + ")"));
                    } else {
                        actions.add(new Action(Action.Kind.ADD_REFERENCE, missing.toolId(), missing.file(),
                                "make " + missing.file() + " run " + path));
                    }
                    references.add(missing);
                    checkWeights.add(0);
                    auditGains.add(Points.ZERO);
                }
            }
            this.totalWeight = checks.stream().mapToInt(CheckResult::scoredWeight).sum();
            this.dynamicMeasured = totalWeight > 0;
            this.passedWeight = checks.stream().filter(CheckResult::passed).mapToInt(CheckResult::scoredWeight).sum();
            if (dynamicMeasured) {
                for (CheckResult result : checks) {
                    if (!result.passed() && result.scoredWeight() > 0) {
                        actions.add(new Action(Action.Kind.FIX_CHECK, result.id(), null, "make check " + result.id()
                                + " pass (now " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + ", exit " + result.exitCode() + ")"));
                        references.add(null);
                        checkWeights.add(result.scoredWeight());
                        auditGains.add(Points.ZERO);
                    }
                }
            }
            if (evidence.score().measured()) {
                for (AuditImprovement improvement : evidence.improvements()) {
                    actions.add(new Action(Action.Kind.IMPROVE_AUDIT, "audit", null, improvement.description()));
                    references.add(null);
                    checkWeights.add(0);
                    auditGains.add(improvement.points());
                }
            }
        }

        int[] phases(int[] set, int size) {
            List<MissingReference> fixes = new ArrayList<>();
            int extra = 0;
            Points auditGain = Points.ZERO;
            for (int i = 0; i < size; i++) {
                MissingReference reference = references.get(set[i]);
                if (reference != null) {
                    fixes.add(reference);
                } else {
                    extra += checkWeights.get(set[i]);
                    auditGain = auditGain.plus(auditGains.get(set[i]));
                }
            }
            int p1 = !staticMeasured ? 0 : fixes.isEmpty() ? analysis.score() : analysis.assuming(fixes).score();
            int p2 = dynamicMeasured ? DynamicPhase.score(passedWeight + extra, totalWeight) : 0;
            int p3 = auditGain.equals(Points.ZERO) ? audit : Math.min(100, auditExact.plus(auditGain).percentOf(100));
            return new int[] {p1, p2, p3};
        }

        int overall(int[] set, int size) {
            int[] p = phases(set, size);
            return scoring.overall(p[0], p[1], p[2]);
        }

        /** The chosen actions, best single gain first, each with its gain after those before it. */
        List<NextTierPath.Step> steps(int[] chosen) {
            List<Integer> order = new ArrayList<>();
            for (int index : chosen) {
                order.add(index);
            }
            BigDecimal base = exact(new int[0], 0);
            order.sort(Comparator.comparing((Integer i) -> exact(new int[] {i}, 1).subtract(base)).reversed()
                    .thenComparing(Comparator.naturalOrder()));
            List<NextTierPath.Step> steps = new ArrayList<>();
            BigDecimal before = base;
            int[] prefix = new int[order.size()];
            for (int i = 0; i < order.size(); i++) {
                prefix[i] = order.get(i);
                BigDecimal after = exact(prefix, i + 1);
                steps.add(new NextTierPath.Step(actions.get(order.get(i)), after.subtract(before), overall(prefix, i + 1)));
                before = after;
            }
            return steps;
        }

        BigDecimal exact(int[] set, int size) {
            int[] p = phases(set, size);
            return scoring.exactOverall(p[0], p[1], p[2]);
        }

        String unmeasuredNote() {
            List<String> missing = new ArrayList<>();
            if (!staticMeasured) {
                missing.add("static");
            }
            if (!dynamicMeasured) {
                missing.add("dynamic");
            }
            if (audit == 0) {
                missing.add("audit");
            }
            if (missing.isEmpty()) {
                return "";
            }
            String phases = missing.size() == 1 ? "the " + missing.get(0) + " phase scores"
                    : "the " + String.join(", ", missing.subList(0, missing.size() - 1)) + " and " + missing.get(missing.size() - 1)
                            + " phases score";
            return " (" + phases + " 0)";
        }
    }
}
