package dev.root24.policy;

import java.util.List;

/**
 * A loaded policy.
 *
 * @param document the merged settings
 * @param sha256 SHA-256 (hex) of the merged settings as canonical JSON, recorded in reports
 * @param sources the files read, the most general (the end of the extends chain) first
 * @param json the merged settings as indented JSON with sorted keys, for debug output
 */
public record EffectivePolicy(PolicyDocument document, String sha256, List<String> sources, String json) {

    public EffectivePolicy {
        sources = List.copyOf(sources);
    }
}
