package dev.root24.enforcer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.root24.ci.ToolSpec;

/**
 * One {@code <tool>} of the {@code ciReferences} rule's {@code <tools>} (and of
 * {@code root24:certify}'s), as Maven injects it from the POM; turned into the policy's key layout
 * so that inline tools and policy tools are one list, then into a {@link ToolSpec}.
 */
public final class Tool {

    /** Short name used in messages and reports, unique within the rule (e.g. {@code structure_guard}). */
    private String id;

    /** The tool's repository-relative path (e.g. {@code 12_tooling/scripts/structure_guard.sh}). */
    private String path;

    /** Repository-relative files that must run the tool, one {@code <file>} each. */
    private List<String> referencedBy;

    /** The points the tool is worth when present and referenced from every listed file. Default 10. */
    private Integer maxScore;

    /** What the tool is, for reports. Optional. */
    private String description;

    public Tool() {
        // Maven instantiates and fills it from the POM.
    }

    /** The SHA-256 (hex) the tool file must have; a changed tool scores 0. Optional. */
    private String sha256;

    /**
     * The CI runs in which this tool's references count ({@code <events>}, {@code <branches>}),
     * e.g. {@code <event>schedule</event>} for a nightly gate. Default: the rule's {@code countedRuns}.
     */
    private CountedRunsParameter countedRuns;

    /** This tool in the policy file's key layout, so inline tools and policy tools are one list. */
    public Map<String, Object> toSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("id", id == null ? "" : id.strip());
        settings.put("path", path == null ? "" : path.strip());
        settings.put("referencedBy", referencedBy == null ? List.of() : new ArrayList<>(referencedBy));
        if (maxScore != null) {
            settings.put("maxScore", maxScore);
        }
        if (description != null) {
            settings.put("description", description);
        }
        if (sha256 != null && !sha256.isBlank()) {
            settings.put("sha256", sha256.strip());
        }
        if (countedRuns != null && !countedRuns.toSettings().isEmpty()) {
            settings.put("countedRuns", countedRuns.toSettings());
        }
        return settings;
    }

    @Override
    public String toString() {
        return "Tool[id=" + id + ", path=" + path + ", referencedBy=" + referencedBy + ", maxScore=" + maxScore
                + ", description=" + description + ", sha256=" + sha256 + ", countedRuns=" + countedRuns + "]";
    }
}
