package dev.root24.policy;

/**
 * A key or section of the policy that nothing after the file declaring it may change.
 *
 * @param key a dotted policy key ({@code scoring.weights}, {@code checks}, {@code failBelow})
 * @param declaredAt the policy file line listing it under {@code locked}
 */
public record PolicyLock(String key, SettingSource declaredAt) {

    /** Whether changing {@code keyPath} changes something this lock covers. */
    boolean covers(String keyPath) {
        return keyPath.equals(key) || keyPath.startsWith(key + ".") || keyPath.startsWith(key + "[");
    }
}
