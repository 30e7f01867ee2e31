package dev.root24.plugin;

import java.util.List;

/**
 * One {@code <tool>} of certify's {@code <tools>}: the same shape as the {@code ciReferences}
 * rule's.
 */
public final class Tool {

    /** Short name used in reports, unique (e.g. {@code structure_guard}); replaces a preset tool with the same id. */
    String id;

    /** The tool's repository-relative path. */
    String path;

    /** Repository-relative files that must run the tool, one {@code <file>} each. */
    List<String> referencedBy;

    /** The points the tool is worth when present and referenced from every listed file. Default 10. */
    Integer maxScore;

    /** What the tool is, for reports. Optional. */
    String description;

    public Tool() {
        // Maven instantiates and fills it from the POM.
    }

    @Override
    public String toString() {
        return "Tool[id=" + id + ", path=" + path + ", referencedBy=" + referencedBy + ", maxScore=" + maxScore + "]";
    }
}
