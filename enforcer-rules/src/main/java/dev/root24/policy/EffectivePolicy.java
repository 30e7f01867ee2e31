package dev.root24.policy;

import java.util.List;
import java.util.Map;

/**
 * A loaded policy, with where each of its settings came from.
 *
 * @param document the merged settings
 * @param sha256 SHA-256 (hex) of the merged settings and locks as canonical JSON, recorded in reports
 * @param sources the files read, the most general (the end of the extends chain) first
 * @param json the merged settings as indented JSON with sorted keys, for debug output (secrets masked)
 * @param base the file at the end of the extends chain: the organisation's policy when it comes
 *     from a policy artifact; null when no policy file was given
 * @param locks every lock in force, in declaration order
 * @param overrides every setting changed after the base file, in the order applied
 * @param provenance the source of every effective key, by dotted key path
 */
public record EffectivePolicy(PolicyDocument document, String sha256, List<String> sources, String json, PolicyBase base,
        List<PolicyLock> locks, List<PolicyOverride> overrides, Map<String, SettingSource> provenance) {

    public EffectivePolicy {
        sources = List.copyOf(sources);
        locks = List.copyOf(locks);
        overrides = List.copyOf(overrides);
        provenance = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(provenance));
    }

    /**
     * The policy file a chain starts from.
     *
     * @param location {@code classpath:...} or a repository-relative path
     * @param artifact {@code groupId:artifactId:version} of the jar holding it, or null
     * @param sha256 SHA-256 (hex) of the file's bytes, which a verifier compares with its own copy
     */
    public record PolicyBase(String location, String artifact, String sha256) {}
}
