package dev.root24.policy;

/**
 * A setting the repository changed from what its policy said: allowed because it is not locked
 * (or moved in the stricter direction), and recorded in the report and the signed statement.
 *
 * @param key the dotted policy key, e.g. {@code scoring.weights.static} or {@code checks[lint]}
 * @param policyValue the value before the change as compact JSON, or {@code (not set)}
 * @param effectiveValue the value in force as compact JSON
 * @param source who changed it
 */
public record PolicyOverride(String key, String policyValue, String effectiveValue, SettingSource source) {

    /** The policy value recorded for an item the repository added to a locked list. */
    public static final String NOT_IN_POLICY = "(not in the policy)";

    /**
     * Whether an override with this key and policy value is an item added to a locked
     * {@code checks} or {@code ci.tools} list, which the build scores with no points.
     */
    public static boolean isUnscoredAddition(String key, String policyValue) {
        return (key.startsWith("checks[") || key.startsWith("ci.tools[")) && NOT_IN_POLICY.equals(policyValue);
    }
}
