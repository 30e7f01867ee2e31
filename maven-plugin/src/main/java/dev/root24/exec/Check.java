package dev.root24.exec;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.root24.policy.TimeoutFormat;

/**
 * One configured verification: either a command to run or, when {@code command} is null, a
 * built-in in-process check known by its id (e.g. {@code root24Lock}).
 *
 * @param id unique name of the check in reports
 * @param command the command line; split into arguments unless {@code shell}; null for a built-in check
 * @param shell run {@code command} through {@code bash -c}
 * @param timeout how long the check may run before it and all its descendants are killed
 * @param acceptExitCodes exit codes that count as a pass
 * @param weight points the check is worth in the dynamic phase
 * @param environment variables added to the inherited environment
 */
public record Check(String id, String command, boolean shell, Duration timeout, Set<Integer> acceptExitCodes,
                   int weight, Map<String, String> environment) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_WEIGHT = 10;

    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("check " + id + ": timeout must be positive");
        }
        if (weight < 0) {
            throw new IllegalArgumentException("check " + id + ": weight must not be negative");
        }
        acceptExitCodes = Set.copyOf(new TreeSet<>(acceptExitCodes == null || acceptExitCodes.isEmpty()
                ? Set.of(0) : acceptExitCodes));
        environment = environment == null ? Map.of() : Map.copyOf(new TreeMap<>(environment));
    }

    /** A command check with the defaults: 120 s, exit code 0, weight 10, no extra environment. */
    public static Check command(String id, String command) {
        return new Check(id, command, false, DEFAULT_TIMEOUT, Set.of(0), DEFAULT_WEIGHT, Map.of());
    }

    /** A built-in check with the default weight. */
    public static Check builtIn(String id) {
        return new Check(id, null, false, DEFAULT_TIMEOUT, Set.of(0), DEFAULT_WEIGHT, Map.of());
    }

    /**
     * Reads a timeout as people write it, the same way everywhere: see {@link TimeoutFormat}.
     *
     * @throws IllegalArgumentException saying in plain words what is accepted
     */
    public static Duration parseTimeout(String text) {
        return TimeoutFormat.parse(text);
    }

    public boolean isBuiltIn() {
        return command == null;
    }

    public Check withTimeout(Duration value) {
        return new Check(id, command, shell, value, acceptExitCodes, weight, environment);
    }

    public Check withEnvironment(Map<String, String> value) {
        return new Check(id, command, shell, timeout, acceptExitCodes, weight, value);
    }

    public Check withShell(boolean value) {
        return new Check(id, command, value, timeout, acceptExitCodes, weight, environment);
    }

    public Check withAcceptExitCodes(Set<Integer> value) {
        return new Check(id, command, shell, timeout, value, weight, environment);
    }

    public Check withWeight(int value) {
        return new Check(id, command, shell, timeout, acceptExitCodes, value, environment);
    }
}
