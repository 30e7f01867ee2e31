package dev.root24.policy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The effective content of a {@code root24-policy.yaml} after {@code extends} and inline overrides
 * are applied. A {@code null} anywhere means "not set here": the consumer's default applies.
 * Keys are the names of the POM parameters, so an inline parameter overrides the same key.
 * {@code locked} lists the keys no layer after the declaring file could change (enforced while
 * loading; kept here so the policy digest covers it).
 */
public record PolicyDocument(
        Integer version,
        Structure structure,
        Ci ci,
        List<Check> checks,
        Scoring scoring,
        String failBelow,
        Worm worm,
        Rego rego,
        List<String> locked) {

    public static PolicyDocument empty() {
        return new PolicyDocument(1, null, null, null, null, null, null, null, null);
    }

    /** Settings of the root24Lock rule. */
    public record Structure(
            List<String> expectedModules,
            String modulePattern,
            Boolean mavenDefaults,
            List<String> allowedFiles,
            List<String> allowedDirectories,
            List<String> forbiddenPatterns,
            List<String> requiredModuleEntries,
            List<String> ignore,
            String exceptionsFile,
            String structurePolicyFile) {}

    /** Settings of the ciReferences rule and certify's static phase. */
    public record Ci(String preset, Integer minScore, List<Tool> tools, CountedRuns countedRuns) {
        public Ci(String preset, Integer minScore, List<Tool> tools) {
            this(preset, minScore, tools, null);
        }
    }

    public record Tool(String id, String path, List<String> referencedBy, Integer maxScore, String description, String sha256,
            CountedRuns countedRuns) {
        public Tool(String id, String path, List<String> referencedBy, Integer maxScore, String description, String sha256) {
            this(id, path, referencedBy, maxScore, description, sha256, null);
        }
    }

    /**
     * The CI runs in which a tool's reference counts: events ({@code push}, {@code schedule}...)
     * and branches; a part left out keeps the default (push or pull_request; main, master).
     */
    public record CountedRuns(List<String> events, List<String> branches) {
        /** Push or pull request to the default branch, {@code main} or {@code master}. */
        public static final CountedRuns DEFAULT = new CountedRuns(List.of("push", "pull_request"), List.of("main", "master"));
    }

    /** One command of certify's dynamic phase. */
    public record Check(
            String id,
            String command,
            String timeout,
            List<Integer> acceptExitCodes,
            Integer weight,
            Boolean shell,
            Map<String, String> environment) {}

    public record Scoring(Weights weights, Tiers tiers) {}

    public record Weights(
            @JsonProperty("static") Integer staticPhase,
            @JsonProperty("dynamic") Integer dynamicPhase,
            @JsonProperty("audit") Integer auditPhase) {}

    public record Tiers(Integer platinum, Integer gold, Integer silver, Integer bronze) {}

    /**
     * WORM settings that are not secrets.
     *
     * @param chainStore {@code directory} (the {@code store}) or {@code repository} (the certifications deployed for
     *                   the artifact); null means directory
     * @param chainRepository the URL of the repository a repository chain is read from; null means the build's
     */
    public record Worm(String store, List<String> signatureAlgorithms, List<String> trustedKeys, String trustedCheckpoint,
            List<Evidence> evidence, String chainStore, String chainRepository) {

        /** A directory chain: the settings before the repository store existed. */
        public Worm(String store, List<String> signatureAlgorithms, List<String> trustedKeys, String trustedCheckpoint,
                List<Evidence> evidence) {
            this(store, signatureAlgorithms, trustedKeys, trustedCheckpoint, evidence, null, null);
        }
    }

    /**
     * A file the audit phase requires; a policy may write just the path.
     *
     * @param path repository-relative
     * @param sha256 the SHA-256 (hex) its content must have, or null when not pinned
     */
    public record Evidence(String path, String sha256) {
        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
        public static Evidence of(String path) {
            return new Evidence(path, null);
        }

        @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.PROPERTIES)
        public Evidence {
        }
    }

    public record Rego(List<String> modules, List<String> directories, String prefix, String layerFrom, List<String> excludes, String v1Syntax) {}
}
