package dev.root24.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.root24.score.TierThresholds;
import dev.root24.worm.ChainHistory;
import dev.root24.worm.ChainProblem;
import dev.root24.worm.Outcome;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.doxia.sink.impl.SinkEventAttributeSet;
import org.apache.maven.reporting.AbstractMavenReportRenderer;
import tools.jackson.databind.JsonNode;

/**
 * The site page of the latest certification, from its {@code report.json} and the chain it was
 * appended to: the tier, the three phases, the score history chart, the checks, every violation
 * with its fix, and the path to the next tier.
 *
 * <p>Everything shown comes from files the certified repository's build wrote, so all of it is
 * text to the sink, never markup, and never the renderer's link patterns ({@code {name, url}}
 * in {@link AbstractMavenReportRenderer#tableCell(String)} would let a check's name become a link).
 * The chart is the one piece of raw markup: an SVG document produced by an XML writer.
 */
public final class CertificationPage extends AbstractMavenReportRenderer {

    /** Chain problems listed on the page; the rest are counted (verify-chain lists them all). */
    static final int MAX_PROBLEMS_SHOWN = 10;

    private final JsonNode report;
    private final ChainHistory history;
    private final String store;
    private final String label;

    /**
     * @param sink where the page goes
     * @param report the parsed {@code report.json}
     * @param history the chain's score history
     * @param store the chain's directory as shown to the reader
     * @param label the project's name, for the chart's title
     */
    public CertificationPage(Sink sink, JsonNode report, ChainHistory history, String store, String label) {
        super(sink);
        this.report = report;
        this.history = history;
        this.store = store;
        this.label = label;
    }

    @Override
    public String getTitle() {
        return "Root24 certification";
    }

    @Override
    protected void renderBody() {
        startSection(getTitle(), "root24-certification");
        JsonNode overall = report.path("overall");
        para("root24-verdict", overall.path("verdict").asString(""));
        summary(overall);
        endSection();

        // Right under the verdict: whether the score is rising, falling or forged is the next question.
        startSection("Score history", "root24-history");
        scoreHistory();
        endSection();

        startSection("Phases", "root24-phases");
        phases();
        endSection();

        startSection("Checks", "root24-checks");
        checks();
        endSection();

        startSection("Violations and fixes", "root24-violations");
        violations();
        endSection();

        JsonNode next = report.path("nextTier");
        String target = next.path("target").isString() ? next.path("target").stringValue() : null;
        startSection(target == null ? "Next tier" : "Path to " + target, "root24-next-tier");
        nextTier(next);
        endSection();

    }

    private void summary(JsonNode overall) {
        JsonNode gate = report.path("gate");
        JsonNode repository = report.path("repository");
        String failBelow = gate.path("failBelow").asString("NONE");
        table("root24-summary");
        row("Tier", overall.path("tier").asString("?"));
        row("Overall score", overall.path("score").asString("?") + "/100");
        row("Gate", "NONE".equals(failBelow) ? "Not gated"
                : "Gate " + failBelow + ": " + (gate.path("passed").asBoolean(false) ? "passed" : "failed"));
        row("Certified at", report.path("timestamp").asString("?"));
        row("Commit", repository.path("commit").isString() ? repository.path("commit").stringValue() : "not a git work tree");
        row("Tool", report.path("tool").path("name").asString("?") + " " + report.path("tool").path("version").asString(""));
        tableEnd();
    }

    private void phases() {
        table("root24-phase-table");
        header("Phase", "Weight", "Score", "Note");
        String[][] phases = {{"static", "Static analysis (CI references)"}, {"dynamic", "Dynamic execution (checks)"},
            {"audit", "Audit proof (WORM chain)"}};
        for (String[] phase : phases) {
            JsonNode node = report.path("phases").path(phase[0]);
            sink.tableRow();
            cell(phase[1]);
            cell(node.path("weight").asString("?") + " %");
            cell(node.path("measured").asBoolean(true) ? node.path("score").asString("?") : "not measured");
            cell(node.path("note").asString(""));
            sink.tableRow_();
        }
        tableEnd();
    }

    private void checks() {
        JsonNode checks = report.path("phases").path("dynamic").path("checks");
        if (checks.isEmpty()) {
            para(null, "No checks are configured.");
            return;
        }
        table("root24-check-table");
        header("Check", "Kind", "Status", "Exit code", "Time", "Hint");
        for (JsonNode check : checks) {
            sink.tableRow();
            cell(check.path("id").asString("?"));
            cell(check.path("kind").asString(""));
            cell(check.path("status").asString("?").toLowerCase(Locale.ROOT).replace('_', ' '));
            cell(check.path("exitCode").asString(""));
            cell(seconds(check.path("durationMillis").asLong(0)));
            cell(check.path("hint").isString() ? check.path("hint").stringValue() : "");
            sink.tableRow_();
        }
        tableEnd();
    }

    /** One row per violation: the CI references that are not run, and every finding of a check or the audit. */
    private void violations() {
        List<String[]> rows = new ArrayList<>();
        for (JsonNode tool : report.path("phases").path("static").path("tools")) {
            String id = tool.path("id").asString("?");
            if (!tool.path("present").asBoolean(true)) {
                rows.add(new String[] {"static", tool.path("path").asString(""), "TOOL_MISSING",
                    "the tool file of " + id + " does not exist: add it"});
            }
            for (JsonNode reference : tool.path("references")) {
                String status = reference.path("status").asString("FOUND");
                if (!"FOUND".equals(status)) {
                    rows.add(new String[] {"static", where(reference), status,
                        id + ": " + reference.path("detail").asString("")});
                }
            }
        }
        for (JsonNode check : report.path("phases").path("dynamic").path("checks")) {
            for (JsonNode finding : check.path("findings")) {
                rows.add(finding(check.path("id").asString("?"), finding));
            }
        }
        for (JsonNode finding : report.path("phases").path("audit").path("findings")) {
            rows.add(finding("audit", finding));
        }
        if (rows.isEmpty()) {
            para(null, "No violations.");
            return;
        }
        table("root24-violation-table");
        header("Found by", "Where", "Kind", "What is wrong, and the fix");
        for (String[] row : rows) {
            sink.tableRow();
            for (String value : row) {
                cell(value);
            }
            sink.tableRow_();
        }
        tableEnd();
    }

    private static String[] finding(String by, JsonNode finding) {
        return new String[] {by, where(finding), finding.path("kind").asString(""), finding.path("message").asString("")};
    }

    private static String where(JsonNode node) {
        if (!node.path("file").isString()) {
            return "";
        }
        int line = node.path("line").asInt(0);
        return node.path("file").stringValue() + (line > 0 ? ":" + line : "");
    }

    private void nextTier(JsonNode next) {
        para(null, next.path("note").asString(""));
        JsonNode steps = next.path("steps");
        if (steps.isEmpty()) {
            return;
        }
        table("root24-step-table");
        header("Step", "Action", "File", "Gain", "Overall after");
        int n = 1;
        for (JsonNode step : steps) {
            sink.tableRow();
            cell(String.valueOf(n++));
            cell(step.path("action").asString(""));
            cell(step.path("file").isString() ? step.path("file").stringValue() : "");
            cell("+" + step.path("gain").asString("?"));
            cell(step.path("overallAfter").asString("?"));
            sink.tableRow_();
        }
        tableEnd();
    }

    private void scoreHistory() {
        ScoreChart chart = new ScoreChart(thresholds());
        chart.svg(history.points(), label).ifPresent(svg -> {
            SinkEventAttributeSet figure = new SinkEventAttributeSet();
            figure.addAttribute(SinkEventAttributeSet.CLASS, "root24-chart");
            sink.division(figure);
            sink.rawText(svg);
            sink.division_();
        });
        for (String sentence : chart.caption(history.points())) {
            para(null, sentence);
        }
        if (history.unreadable() > 0) {
            para(null, history.unreadable() + (history.unreadable() == 1 ? " entry is" : " entries are")
                    + " unreadable (damaged, oversized, a link, or without scores) and not drawn.");
        }
        var verification = history.verification();
        para("root24-chain", "Chain " + store + ": " + verification.outcome() + ", " + verification.entries()
                + (verification.entries() == 1 ? " entry, " : " entries, ") + verification.signed()
                + " with signatures verified against trusted keys.");
        List<ChainProblem> failures = verification.problems(Outcome.FAIL);
        if (!failures.isEmpty()) {
            sink.list();
            for (ChainProblem p : failures.subList(0, Math.min(MAX_PROBLEMS_SHOWN, failures.size()))) {
                sink.listItem();
                sink.text(ScoreChart.clean(p.toString(), 500));
                sink.listItem_();
            }
            sink.list_();
            if (failures.size() > MAX_PROBLEMS_SHOWN) {
                para(null, (failures.size() - MAX_PROBLEMS_SHOWN) + " more failures: run root24:verify-chain for all.");
            }
        }
        for (String limit : verification.limits()) {
            para(null, "Cannot prove: " + limit);
        }
    }

    /** The thresholds the certification used; the defaults when report.json's are missing or do not rise. */
    TierThresholds thresholds() {
        JsonNode t = report.path("tierThresholds");
        try {
            return new TierThresholds(t.path("PLATINUM").asInt(95), t.path("GOLD").asInt(85), t.path("SILVER").asInt(70),
                    t.path("BRONZE").asInt(50));
        } catch (IllegalArgumentException e) {
            return TierThresholds.DEFAULT;
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private void table(String id) {
        SinkEventAttributeSet attributes = new SinkEventAttributeSet();
        attributes.addAttribute(SinkEventAttributeSet.ID, id);
        sink.table(attributes);
        sink.tableRows(null, false);
    }

    private void tableEnd() {
        sink.tableRows_();
        sink.table_();
    }

    private void header(String... names) {
        sink.tableRow();
        for (String name : names) {
            sink.tableHeaderCell();
            sink.text(name);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
    }

    private void row(String name, String value) {
        sink.tableRow();
        sink.tableHeaderCell();
        sink.text(name);
        sink.tableHeaderCell_();
        cell(value);
        sink.tableRow_();
    }

    private void cell(String value) {
        sink.tableCell();
        sink.text(ScoreChart.clean(value, 2000));
        sink.tableCell_();
    }

    private void para(String id, String text) {
        if (id == null) {
            sink.paragraph();
        } else {
            SinkEventAttributeSet attributes = new SinkEventAttributeSet();
            attributes.addAttribute(SinkEventAttributeSet.ID, id);
            sink.paragraph(attributes);
        }
        sink.text(ScoreChart.clean(text, 2000));
        sink.paragraph_();
    }
}
