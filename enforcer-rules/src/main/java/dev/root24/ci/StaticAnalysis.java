package dev.root24.ci;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Phase 1 of a certification ("Static Analysis"): every tool's presence and references, and the
 * seed's score over them.
 */
public record StaticAnalysis(List<ToolResult> tools) {

    public StaticAnalysis {
        tools = List.copyOf(tools);
    }

    /** {@code floor(100 × Σ tool points / Σ maxScore)}, 0..100, computed exactly. */
    public int score() {
        return exactTotal().percentOf(totalMax());
    }

    /** Σ tool points, rounded to {@link Points#SCALE} decimals. */
    public BigDecimal totalPoints() {
        return exactTotal().toDecimal();
    }

    /** Σ tool points as an exact fraction. */
    public Points exactTotal() {
        Points sum = Points.ZERO;
        for (ToolResult tool : tools) {
            sum = sum.plus(tool.exactPoints());
        }
        return sum;
    }

    /** Σ maxScore. */
    public int totalMax() {
        return tools.stream().mapToInt(t -> t.tool().maxScore()).sum();
    }

    /**
     * Everything still missing, in tool order: a missing tool file first (file {@code null}), then
     * each referencing file that does not run the tool.
     */
    public List<MissingReference> missing() {
        List<MissingReference> missing = new ArrayList<>();
        for (ToolResult tool : tools) {
            if (!tool.toolPresent()) {
                missing.add(new MissingReference(tool.tool().id(), null));
            }
            for (ReferenceResult reference : tool.references()) {
                if (!reference.found()) {
                    missing.add(new MissingReference(tool.tool().id(), reference.file()));
                }
            }
        }
        return missing;
    }

    /**
     * The analysis as if these were fixed: a missing tool file counts as created (still
     * unreferenced unless its references are also listed), a listed reference counts as found.
     */
    public StaticAnalysis assuming(Collection<MissingReference> fixes) {
        Set<MissingReference> fixed = new HashSet<>(fixes);
        List<ToolResult> changed = new ArrayList<>(tools.size());
        for (ToolResult tool : tools) {
            String id = tool.tool().id();
            boolean present = tool.toolPresent() || fixed.contains(new MissingReference(id, null));
            List<ReferenceResult> references = new ArrayList<>(tool.references().size());
            for (ReferenceResult reference : tool.references()) {
                if (!reference.found() && fixed.contains(new MissingReference(id, reference.file()))) {
                    references.add(new ReferenceResult(reference.file(), ReferenceStatus.FOUND, 0, "assumed fixed"));
                } else {
                    references.add(reference);
                }
            }
            changed.add(ToolResult.of(tool.tool(), present == tool.toolPresent() ? tool.file() : ToolFile.assumed(present),
                    references));
        }
        return new StaticAnalysis(changed);
    }

    /**
     * Every missing reference with exactly what fixing it alone adds, in tool points, best first
     * (ties in configuration order). A reference of a tool whose file is missing gains nothing
     * until the file exists, so it comes last with 0.
     */
    public List<Gain> gains() {
        return exactGains().stream().map(g -> new Gain(g.reference(), g.points().toDecimal())).toList();
    }

    /** {@link #gains()} with exact points. */
    public List<ExactGain> exactGains() {
        Points now = exactTotal();
        List<ExactGain> gains = new ArrayList<>();
        for (MissingReference reference : missing()) {
            gains.add(new ExactGain(reference, assuming(List.of(reference)).exactTotal().minus(now)));
        }
        // List.sort is stable: equal gains keep configuration order.
        gains.sort(Comparator.comparing(ExactGain::points).reversed());
        return gains;
    }

    /** The result for the tool with this id, if configured. */
    public ToolResult tool(String id) {
        return tools.stream().filter(t -> t.tool().id().equals(id)).findFirst().orElse(null);
    }

    /**
     * The analysis as text: a header line, one {@link ToolResult#summary()} line per tool with
     * the reason for each reference not found, then every gain, best first.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("CI references: phase score " + score() + "/100 (" + exactTotal() + " of " + totalMax() + " tool points)");
        for (ToolResult tool : tools) {
            lines.add("  " + tool.summary());
            for (ReferenceResult reference : tool.references()) {
                if (!reference.found()) {
                    lines.add("      " + reference.file() + ": " + reason(reference));
                }
            }
        }
        List<ExactGain> gains = exactGains();
        if (!gains.isEmpty()) {
            lines.add("Missing, best first (points each would add):");
            for (ExactGain gain : gains) {
                lines.add("  " + describe(gain));
            }
        }
        return lines;
    }

    private String describe(ExactGain gain) {
        MissingReference reference = gain.reference();
        ToolResult tool = tool(reference.toolId());
        String points = "+" + gain.points();
        if (reference.toolFile()) {
            return points + " if " + tool.tool().path() + " exists  [" + reference.toolId() + "]";
        }
        String line = points + " if " + reference.file() + " runs it  [" + reference.toolId() + ": " + tool.tool().path() + "]";
        return tool.toolPresent() ? line : line + " (counts once the tool file exists)";
    }

    private static String reason(ReferenceResult reference) {
        String status = switch (reference.status()) {
            case FOUND -> "found";
            case NOT_REFERENCED -> "not referenced";
            case FILE_MISSING -> "file missing";
            case UNREADABLE -> "unreadable";
            case PARSE_ERROR -> "parse error";
        };
        // A reference not run carries the line of its mention, which its detail already names.
        String where = reference.line() > 0 && reference.status() != ReferenceStatus.NOT_REFERENCED
                ? " at line " + reference.line() : "";
        return reference.detail().isEmpty() ? status + where : status + where + " (" + reference.detail() + ")";
    }

    /** A {@link Gain} before rounding. */
    public record ExactGain(MissingReference reference, Points points) {}
}
