package dev.root24.exec;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The in-process checks a configuration may name instead of giving a command. Immutable; add one
 * with {@link #with(String, InProcessCheck)}.
 */
public final class BuiltInChecks {

    /** The id of the ROOT-24-LOCK structure check. */
    public static final String ROOT24_LOCK = "root24Lock";
    /** The id reserved for the WORM chain verification. */
    public static final String WORM_CHAIN = "wormChain";

    private final Map<String, InProcessCheck> checks;

    private BuiltInChecks(Map<String, InProcessCheck> checks) {
        this.checks = Collections.unmodifiableMap(checks);
    }

    public static BuiltInChecks none() {
        return new BuiltInChecks(new TreeMap<>());
    }

    public BuiltInChecks with(String id, InProcessCheck check) {
        TreeMap<String, InProcessCheck> copy = new TreeMap<>(checks);
        copy.put(id, check);
        return new BuiltInChecks(copy);
    }

    public Optional<InProcessCheck> find(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public java.util.Set<String> ids() {
        return checks.keySet();
    }
}
