package dev.root24.enforcer;

import java.util.ArrayList;
import java.util.List;

import dev.root24.ci.ToolSpec;

/**
 * One {@code <tool>} of the {@code ciReferences} rule's {@code <tools>}, as Maven injects it from
 * the POM; turned into a {@link ToolSpec} for the analysis.
 */
public final class Tool {

    /** Short name used in messages and reports, unique within the rule (e.g. {@code structure_guard}). */
    private String id;

    /** The tool's repository-relative path (e.g. {@code 12_tooling/scripts/structure_guard.sh}). */
    private String path;

    /** Repository-relative files that must run the tool, one {@code <file>} each. */
    private List<String> referencedBy;

    /** The points the tool is worth when present and referenced from every listed file. Default 10. */
    private int maxScore = 10;

    /** What the tool is, for reports. Optional. */
    private String description;

    public Tool() {
        // Maven instantiates and fills it from the POM.
    }

    ToolSpec toSpec() {
        return new ToolSpec(id == null ? "" : id.strip(), path == null ? "" : path.strip(),
                referencedBy == null ? List.of() : new ArrayList<>(referencedBy), maxScore, description);
    }

    @Override
    public String toString() {
        return "Tool[id=" + id + ", path=" + path + ", referencedBy=" + referencedBy + ", maxScore=" + maxScore
                + ", description=" + description + "]";
    }
}
