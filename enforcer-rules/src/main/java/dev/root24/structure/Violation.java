package dev.root24.structure;

import java.util.Comparator;

/**
 * One break of the lock.
 *
 * @param kind what is wrong
 * @param path the repository-relative path concerned; directories end with {@code /}
 * @param problem what is wrong with it, in words
 * @param fix what to do about it
 */
public record Violation(ViolationKind kind, String path, String problem, String fix) implements Comparable<Violation> {

    private static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::path).thenComparing(Violation::kind);

    /** One line: {@code path: problem -> fix}. */
    public String line() {
        return path + ": " + problem + " -> " + fix;
    }

    @Override
    public int compareTo(Violation other) {
        return ORDER.compare(this, other);
    }
}
