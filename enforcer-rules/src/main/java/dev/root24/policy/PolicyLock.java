package dev.root24.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A key or section of the policy that nothing after the file declaring it may change.
 *
 * @param key a dotted policy key ({@code scoring.weights}, {@code checks}, {@code failBelow})
 * @param declaredAt the policy file line listing it under {@code locked}
 */
public record PolicyLock(String key, SettingSource declaredAt) {

    /** Keys that may move in the stricter direction under a lock. */
    public static final Set<String> RAISABLE = Set.of("failBelow", "ci.minScore");

    /** Whether {@code key} is a part of counted runs ({@code ci.countedRuns.events}, {@code ci.tools[x].countedRuns.branches}), which a lock lets narrow. */
    public static boolean isCountedRunsPart(String key) {
        return (key.startsWith("ci.countedRuns.") || key.startsWith("ci.tools[") && key.contains("].countedRuns."))
                && (key.endsWith(".events") || key.endsWith(".branches"));
    }

    private static final List<String> TIERS = List.of("NONE", "BRONZE", "SILVER", "GOLD", "PLATINUM");

    /**
     * Whether {@code before → after} only makes {@code key} stricter, which a lock allows:
     * a higher {@code failBelow} tier or a higher {@code ci.minScore}. {@code before} may be null (not set).
     * The build applies this while loading, and the verifier again on the recorded overrides.
     */
    public static boolean isStricter(String key, JsonNode before, JsonNode after) {
        if (after == null) {
            return false;
        }
        if (key.equals("failBelow") && after.isString()) {
            int from = before == null || !before.isString() ? 0 : TIERS.indexOf(before.asString().strip().toUpperCase(Locale.ROOT));
            return TIERS.indexOf(after.asString().strip().toUpperCase(Locale.ROOT)) > from;
        }
        if (key.equals("ci.minScore") && after.isIntegralNumber()) {
            return after.asLong() > (before == null || !before.isNumber() ? 0 : before.asLong());
        }
        if (isCountedRunsPart(key) && after.isArray()) {
            // Fewer counted events or branches: fewer runs in which a reference counts.
            List<String> from = before != null && before.isArray() ? strings(before)
                    : key.endsWith(".events") ? PolicyDocument.CountedRuns.DEFAULT.events() : PolicyDocument.CountedRuns.DEFAULT.branches();
            List<String> to = strings(after);
            return !to.isEmpty() && from.containsAll(to);
        }
        return false;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(item -> out.add(item.asString("").strip()));
        return out;
    }

    /** Whether changing {@code keyPath} changes something this lock covers. */
    boolean covers(String keyPath) {
        return keyPath.equals(key) || keyPath.startsWith(key + ".") || keyPath.startsWith(key + "[");
    }
}
