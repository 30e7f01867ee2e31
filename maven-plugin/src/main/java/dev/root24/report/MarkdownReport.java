package dev.root24.report;

import java.util.List;
import java.util.Locale;

import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;
import dev.root24.score.NextTierPath;
import dev.root24.score.PhaseScore;
import dev.root24.score.Scorecard;
import dev.root24.score.Tier;

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
        md.append("Static analysis ").append(card.staticPhase().display()).append(", dynamic execution ")
                .append(card.dynamicPhase().display()).append(", audit proof ").append(card.auditPhase().display())
                .append(".\n\n");
        md.append(gate(c)).append("\n\n");
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
        md.append("Points are the phase's weight times its score; the overall score is their sum, rounded down.\n\n");
        if (!c.checks().isEmpty()) {
            md.append("## Checks\n\n| Check | Result | Exit code | Time | Weight |\n|---|---|---:|---:|---:|\n");
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
                md.append("### ").append(r.id()).append("\n\n").append("Ran `").append(r.shownCommand().replace("`", "'"))
                        .append("`: ").append(status(r)).append(" (exit code ").append(r.exitCode()).append(")");
                if (r.hint() != null) {
                    md.append(". ").append(r.hint());
                }
                md.append("\n\n");
                r.findings().forEach(f -> md.append("- ").append(f.file() == null ? "" : "`" + f.file().replace("`", "'") + "` ")
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

    /** The gate as a person says it: "Not gated", "Gate GOLD: passed", "Gate GOLD: failed (SILVER is below it)". */
    static String gate(Certification c) {
        if (c.failBelow() == Tier.NONE) {
            return "Not gated: the build passes at any tier.";
        }
        return c.passesGate() ? "Gate " + c.failBelow() + ": passed."
                : "Gate " + c.failBelow() + ": **failed** (" + c.scorecard().tier() + " is below it).";
    }

    static String nextTier(NextTierPath path) {
        StringBuilder md = new StringBuilder();
        if (path.target() == null) {
            md.append("## Next tier\n\n").append(path.from()).append(" is the highest tier: there is nothing above it.\n");
            return md.toString();
        }
        md.append("## Path to ").append(path.target()).append(" (").append(path.threshold()).append(" points)\n\n");
        switch (path.outcome()) {
            case FOUND -> {
                md.append(path.steps().size() == 1 ? "One change reaches " : "These " + path.steps().size()
                        + " changes together reach ").append(path.target()).append("; no fewer would:\n\n");
                int i = 1;
                for (NextTierPath.Step step : path.steps()) {
                    md.append(i++).append(". ").append(step.action().description()).append(": +")
                            .append(step.gain().toPlainString()).append(" points, ").append(step.overallAfter())
                            .append(" overall\n");
                }
            }
            // The search's own sentence already says what all the changes together give.
            case OUT_OF_REACH -> md.append(path.note()).append(".\n");
            default -> md.append("No short path to ").append(path.target()).append(" was found: no combination of up to ")
                    .append(path.largestSetSearched()).append(" of the ").append(path.candidates())
                    .append(" possible changes reaches it; more changes together might.\n");
        }
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
