package dev.root24.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;
import dev.root24.score.NextTierPath;
import dev.root24.score.PhaseScore;
import dev.root24.score.Scorecard;

/** What the build log shows: one compact table, the path to the next tier, the verdict line last. */
public final class ConsoleReport {

    public List<String> lines(Certification c) {
        Scorecard card = c.scorecard();
        List<String> lines = new ArrayList<>();
        int width = Math.max(16, c.checks().stream().mapToInt(r -> r.id().length()).max().orElse(0) + 2);
        lines.add(String.format(Locale.ROOT, "%-" + width + "s %-12s %6s %7s  %s", "phase / check", "result", "weight",
                "points", "note"));
        for (PhaseScore phase : card.phases()) {
            int weight = card.weights().of(phase.phase());
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %-12s %6d %7s  %s", phase.phase().key(),
                    phase.measured() ? phase.score() + "/100" : "not measured", weight,
                    BigDecimal.valueOf((long) weight * phase.score(), 2).toPlainString(), phase.note()));
            if (phase.phase() == dev.root24.score.Phase.DYNAMIC) {
                for (CheckResult r : c.checks()) {
                    String status = r.passed() ? "passed" : r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
                    String note = "exit " + r.exitCode() + ", "
                            + CommandRunner.format(java.time.Duration.ofMillis(r.duration().toMillis() / 100 * 100))
                            + (r.hint() == null ? "" : ", " + r.hint());
                    lines.add(String.format(Locale.ROOT, "  %-" + (width - 2) + "s %-12s %6d %7s  %s", r.id(), status,
                            r.check().weight(), "", note));
                }
            }
        }
        NextTierPath path = c.nextTier();
        if (path.target() != null) {
            lines.add("Path to " + path.target() + " (" + path.threshold() + "): " + path.note());
            int i = 1;
            for (NextTierPath.Step step : path.steps()) {
                lines.add("  " + i++ + ". " + step.action().description() + ": +" + step.gain().toPlainString() + " -> "
                        + step.overallAfter());
            }
        }
        lines.add(card.verdict());
        return lines;
    }
}
