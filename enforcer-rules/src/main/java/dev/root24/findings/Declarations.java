package dev.root24.findings;

import java.util.List;
import java.util.Map;

import dev.root24.policy.SettingSource;

/**
 * Where the settings a finding concerns are declared: the line of the repository's policy file
 * that sets a key, else the POM's declaration of the rule or goal. A policy read from the
 * classpath (the organisation's artifact) is no file of the repository, so code scanning could
 * not show it; the POM stands in for it.
 *
 * @param provenance each effective policy key's source, as {@code EffectivePolicy.provenance()} gives it
 * @param fallback the POM line that configures the rule or goal
 */
public record Declarations(Map<String, SettingSource> provenance, Place fallback) {

    public Declarations {
        provenance = Map.copyOf(provenance);
        java.util.Objects.requireNonNull(fallback, "fallback");
    }

    /** Only the POM's declaration is known (the policy could not be loaded). */
    public static Declarations pomOnly(Place fallback) {
        return new Declarations(Map.of(), fallback);
    }

    /**
     * The first of {@code keys} (most specific first) that a repository policy file sets, the key
     * itself or a key below it; the fallback when none is.
     */
    public Place of(String... keys) {
        for (String key : keys) {
            for (Map.Entry<String, SettingSource> e : sorted()) {
                String k = e.getKey();
                if ((k.equals(key) || k.startsWith(key + ".") || k.startsWith(key + "["))
                        && e.getValue() instanceof SettingSource.PolicyFile file && !file.file().startsWith("classpath:")) {
                    return new Place(file.file().replace('\\', '/'), file.line());
                }
            }
        }
        return fallback;
    }

    private List<Map.Entry<String, SettingSource>> sorted() {
        // Map.copyOf has no order; the shortest (closest) key first, then by name, for a stable choice.
        return provenance.entrySet().stream()
                .sorted(Map.Entry.<String, SettingSource>comparingByKey(java.util.Comparator.comparingInt(String::length)
                        .thenComparing(java.util.Comparator.naturalOrder())))
                .toList();
    }
}
