package dev.root24.report;

import java.util.List;
import java.util.Locale;

import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;
import dev.root24.score.NextTierPath;
import dev.root24.score.PhaseScore;
import dev.root24.score.Scorecard;

/**
 * {@code report.md}: the summary a person reads (and GitHub shows as the job summary): phase
 * table, tier, failed checks, path to the next tier.
 */
public final class MarkdownReport {

    /** Lines of a failed check's output shown in the summary (the full tail is in report.json). */
    static final int OUTPUT_LINES = 15;

    public String render(Certification c) {
        Scorecard card = c.scorecard();
        StringBuilder md = new StringBuilder();
        md.append("# ROOT24 certification: ").append(card.overall()).append("/100 ").append(card.tier()).append("\n\n");
        md.append("`").append(card.verdict()).append("`\n\n");
        md.append("| Phase | Weight | Score | Points | Note |\n|---|---:|---:|---:|---|\n");
        for (PhaseScore phase : card.phases()) {
            int weight = card.weights().of(phase.phase());
            md.append("| ").append(phase.phase().title()).append(" | ").append(weight).append(" % | ")
                    .append(phase.display()).append(" | ")
                    .append(java.math.BigDecimal.valueOf((long) weight * phase.score(), 2).toPlainString()).append(" | ")
                    .append(cell(phase.note())).append(" |\n");
        }
        md.append("| **Overall** | 100 % | **").append(card.overall()).append("** | ")
                .append(card.exactOverall().toPlainString()).append(" | **").append(card.tier()).append("** |\n\n");
        md.append("Gate: fail below ").append(c.failBelow()).append(" → ")
                .append(c.passesGate() ? "passed" : "**failed**").append("\n\n");
        if (!c.checks().isEmpty()) {
            md.append("## Checks\n\n| Check | Status | Exit | Time | Weight |\n|---|---|---:|---:|---:|\n");
            for (CheckResult r : c.checks()) {
                md.append("| ").append(cell(r.id())).append(" | ").append(status(r)).append(" | ").append(r.exitCode())
                        .append(" | ").append(seconds(r)).append(" | ").append(r.check().weight()).append(" |\n");
            }
            md.append('\n');
        }
        List<CheckResult> failed = c.failedChecks();
        if (!failed.isEmpty()) {
            md.append("## Failed checks\n\n");
            for (CheckResult r : failed) {
                md.append("### ").append(r.id()).append("\n\n`").append(r.shownCommand().replace("`", "'"))
                        .append("` → ").append(status(r)).append(", exit ").append(r.exitCode());
                if (r.hint() != null) {
                    md.append(": ").append(r.hint());
                }
                md.append("\n\n");
                r.findings().forEach(f -> md.append("- `").append(f.file() == null ? "" : f.file()).append("` ")
                        .append(f.message()).append('\n'));
                if (!r.findings().isEmpty()) {
                    md.append('\n');
                }
                String tail = lastLines(r.stderr().isBlank() ? r.stdout() : r.stderr());
                if (!tail.isBlank()) {
                    md.append("```text\n").append(tail.replace("```", "'''")).append("\n```\n\n");
                }
            }
        }
        md.append(nextTier(c.nextTier()));
        return md.toString();
    }

    static String nextTier(NextTierPath path) {
        StringBuilder md = new StringBuilder();
        if (path.target() == null) {
            md.append("## Next tier\n\n").append(path.from()).append(" is the highest tier.\n");
            return md.toString();
        }
        md.append("## Path to ").append(path.target()).append(" (").append(path.threshold()).append(")\n\n");
        if (path.outcome() == NextTierPath.Outcome.FOUND) {
            int i = 1;
            for (NextTierPath.Step step : path.steps()) {
                md.append(i++).append(". ").append(step.action().description()).append(": +")
                        .append(step.gain().toPlainString()).append(" → ").append(step.overallAfter()).append('\n');
            }
            md.append('\n');
        }
        md.append(path.note()).append(" (").append(path.evaluated()).append(" sets of up to ")
                .append(path.largestSetSearched()).append(" of ").append(path.candidates())
                .append(" actions searched exhaustively).\n");
        return md.toString();
    }

    /** The path to the next tier as plain text lines, for the build log. */
    public static String nextTierText(NextTierPath path) {
        if (path.target() == null) {
            return path.from() + " is the highest tier.";
        }
        StringBuilder text = new StringBuilder("Path to " + path.target() + " (" + path.threshold() + "): " + path.note());
        int i = 1;
        for (NextTierPath.Step step : path.steps()) {
            text.append(System.lineSeparator()).append("  ").append(i++).append(". ").append(step.action().description())
                    .append(": +").append(step.gain().toPlainString()).append(" -> ").append(step.overallAfter());
        }
        return text.toString();
    }

    private static String status(CheckResult r) {
        return r.passed() ? "passed" : r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String seconds(CheckResult r) {
        return CommandRunner.format(java.time.Duration.ofMillis(r.duration().toMillis() / 100 * 100));
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        int from = Math.max(0, lines.length - OUTPUT_LINES);
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
