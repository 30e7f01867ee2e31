package dev.root24.ci;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;

/**
 * One enforcement tool and the files that should run it.
 *
 * @param id short name used in messages and reports (e.g. {@code structure_guard})
 * @param path the tool's repository-relative path
 * @param referencedBy repository-relative files that must run the tool, in the order they are reported
 * @param maxScore the tool's weight: the points it is worth when present and referenced everywhere
 * @param description what the tool is, for reports; may be empty
 * @param sha256 the SHA-256 (hex) the policy pins the tool file to, or null
 * @param countedRuns the CI runs in which its references count, or null for the analysis's default
 *     ({@code ci.countedRuns}, else push or pull_request to main/master)
 */
public record ToolSpec(String id, String path, List<String> referencedBy, int maxScore, String description, String sha256,
        CountedRuns countedRuns) {

    public ToolSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        referencedBy = List.copyOf(referencedBy);
        description = description == null ? "" : description;
        sha256 = sha256 == null || sha256.isBlank() ? null : sha256.strip();
    }

    /** A tool whose file is not pinned. */
    public ToolSpec(String id, String path, List<String> referencedBy, int maxScore, String description) {
        this(id, path, referencedBy, maxScore, description, null);
    }

    /** A tool whose references count in the analysis's default runs. */
    public ToolSpec(String id, String path, List<String> referencedBy, int maxScore, String description, String sha256) {
        this(id, path, referencedBy, maxScore, description, sha256, null);
    }

    /**
     * Checks what the record cannot refuse by itself without knowing where it came from:
     * {@code source} names the configuration in the message (e.g. {@code "preset 'ssid'"}).
     */
    public void validate(String source) throws PolicyException {
        if (id.isBlank()) {
            throw new PolicyException(source + ": a tool has no id");
        }
        if (path.isBlank()) {
            throw new PolicyException(source + ": tool '" + id + "' has no path");
        }
        if (maxScore < 0 || maxScore > MAX_MAX_SCORE) {
            // 0 only for a tool the repository added to a locked list: analysed, worth nothing.
            throw new PolicyException(source + ": tool '" + id + "' has maxScore " + maxScore + ", expected 1.." + MAX_MAX_SCORE);
        }
        if (referencedBy.isEmpty()) {
            throw new PolicyException(source + ": tool '" + id + "' lists no referencedBy files");
        }
        Set<String> seen = new HashSet<>();
        for (String file : referencedBy) {
            if (file == null || file.isBlank()) {
                throw new PolicyException(source + ": tool '" + id + "' has an empty referencedBy file");
            }
            if (!seen.add(file.strip())) {
                throw new PolicyException(source + ": tool '" + id + "' lists referencedBy file '" + file + "' twice");
            }
        }
    }

    /** The largest maxScore a tool may have, as in the policy schema. */
    public static final int MAX_MAX_SCORE = 1000;

    /** Maximum score of a tool that does not set one. */
    public static final int DEFAULT_MAX_SCORE = 10;

    /**
     * The tools as a policy's {@code ci:} section has them count: a tool without counted runs of
     * its own gets {@code ci.countedRuns} (null: none set, the default).
     */
    public static List<ToolSpec> countedIn(List<ToolSpec> tools, PolicyDocument.CountedRuns global) {
        CountedRuns fallback = CountedRuns.of(global, null);
        return tools.stream()
                .map(t -> t.countedRuns() != null ? t
                        : new ToolSpec(t.id(), t.path(), t.referencedBy(), t.maxScore(), t.description(), t.sha256(), fallback))
                .toList();
    }

    /** The tools of a policy file's {@code ci.tools} (null: none). */
    public static List<ToolSpec> fromPolicy(List<PolicyDocument.Tool> tools) {
        if (tools == null) {
            return List.of();
        }
        return tools.stream()
                .map(t -> new ToolSpec(t.id() == null ? "" : t.id().strip(), t.path() == null ? "" : t.path().strip(),
                        t.referencedBy() == null ? List.of() : t.referencedBy(),
                        t.maxScore() == null ? DEFAULT_MAX_SCORE : t.maxScore(), t.description(), t.sha256(),
                        t.countedRuns() == null ? null : CountedRuns.of(t.countedRuns(), null)))
                .toList();
    }
}
