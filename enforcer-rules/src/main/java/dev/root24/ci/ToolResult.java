package dev.root24.ci;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one tool.
 *
 * @param tool the tool as configured
 * @param toolPresent whether the tool's file counts: a regular, non-empty file matching its pin
 * @param references one result per {@link ToolSpec#referencedBy()} file, in that order
 * @param points the tool's score by the seed's formula, rounded to {@link Points#SCALE} decimals
 *     for display; sums and the phase score use {@link #exactPoints()}
 * @param file what the tool's path holds: its digest, and why it does not count when it does not
 */
public record ToolResult(ToolSpec tool, boolean toolPresent, List<ReferenceResult> references, BigDecimal points,
        ToolFile file) {

    public ToolResult {
        Objects.requireNonNull(tool, "tool");
        references = List.copyOf(references);
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(file, "file");
    }

    /** A result whose points follow from the other components. */
    public static ToolResult of(ToolSpec tool, boolean toolPresent, List<ReferenceResult> references) {
        return of(tool, ToolFile.assumed(toolPresent), references);
    }

    /** A result whose points follow from the tool file and the references. */
    public static ToolResult of(ToolSpec tool, ToolFile file, List<ReferenceResult> references) {
        int found = (int) references.stream().filter(ReferenceResult::found).count();
        Points exact = Points.forTool(tool.maxScore(), file.present(), found, references.size());
        return new ToolResult(tool, file.present(), references, exact.toDecimal(), file);
    }

    /** How many referencing files run the tool. */
    public int found() {
        return (int) references.stream().filter(ReferenceResult::found).count();
    }

    /** How many referencing files should run it. */
    public int total() {
        return references.size();
    }

    /** The tool's score as an exact fraction, from presence and counts (never from rounded points). */
    public Points exactPoints() {
        return Points.forTool(tool.maxScore(), toolPresent, found(), total());
    }

    /** {@code structure_lock_gate  0/3 refs  4.0/20}, plus {@code  (tool file missing)} when it is. */
    public String summary() {
        String line = tool.id() + "  " + found() + "/" + total() + " refs  " + exactPoints() + "/" + tool.maxScore();
        return toolPresent ? line : line + "  (" + file.problem() + ": " + tool.path() + ")";
    }
}
