package dev.root24.worm;

/**
 * One thing wrong with a chain.
 *
 * @param severity {@link Outcome#WARN} or {@link Outcome#FAIL}
 * @param index    the entry the problem is about (0-based chain index, or position in name order for
 *                 a legacy store), or {@code null} when it concerns the store as a whole
 * @param file     the file involved, relative to the store, or {@code null}
 * @param message  one line
 */
public record ChainProblem(Outcome severity, Long index, String file, String message) {

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(severity.name());
        if (index != null) {
            out.append(" entry ").append(index);
        }
        if (file != null) {
            out.append(" (").append(file).append(')');
        }
        return out.append(": ").append(message).toString();
    }
}
