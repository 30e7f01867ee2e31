package dev.root24.policy;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a rule or goal was given outside any policy file (POM parameters and user
 * properties), each under its policy key path (e.g. {@code scoring.weights.static}) with the
 * {@link SettingSource} it came from. Unset values (null, blank, empty lists) are not settings.
 */
public final class InlineSettings {

    private final Map<String, Object> tree = new LinkedHashMap<>();
    private final Map<String, SettingSource> sources = new LinkedHashMap<>();

    public static InlineSettings none() {
        return new InlineSettings();
    }

    /**
     * Sets {@code keyPath} (dot-separated policy keys) to {@code value} when it is set at all.
     *
     * @return this, for chaining
     */
    @SuppressWarnings("unchecked")
    public InlineSettings set(String keyPath, Object value, SettingSource source) {
        Objects.requireNonNull(source, "source");
        if (value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()) {
            return this;
        }
        String[] keys = keyPath.split("\\.");
        Map<String, Object> node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            node = (Map<String, Object>) node.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
        }
        node.put(keys[keys.length - 1], value instanceof String s ? s.strip() : value);
        sources.put(keyPath, source);
        return this;
    }

    /** The settings as a tree in the policy's key layout. */
    Map<String, Object> tree() {
        return tree;
    }

    boolean isEmpty() {
        return tree.isEmpty();
    }

    /**
     * The source of the setting at {@code keyPath} or of the inline setting that holds it (a whole
     * {@code checks} list holds {@code checks[0].weight}); null when nothing inline set it.
     */
    SettingSource sourceOf(String keyPath) {
        String key = keyPath;
        while (true) {
            SettingSource source = sources.get(key);
            if (source != null) {
                return source;
            }
            int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
            if (cut <= 0) {
                return null;
            }
            key = key.substring(0, cut);
        }
    }

    /** Inline settings without their sources, as older callers pass them: all from one source. */
    static InlineSettings of(Map<String, Object> tree, SettingSource source) {
        InlineSettings settings = new InlineSettings();
        flatten("", tree, settings, source);
        return settings;
    }

    private static void flatten(String prefix, Map<?, ?> map, InlineSettings settings, SettingSource source) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
            if (e.getValue() instanceof Map<?, ?> child) {
                flatten(key, child, settings, source);
            } else {
                settings.set(key, e.getValue(), source);
            }
        }
    }
}
