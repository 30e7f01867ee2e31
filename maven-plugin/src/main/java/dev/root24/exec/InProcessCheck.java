package dev.root24.exec;

import java.nio.file.Path;

/**
 * A check that runs inside the build instead of as a command, e.g. {@code root24Lock}; other
 * modules register theirs (such as the WORM chain verification) in {@link BuiltInChecks}.
 */
@FunctionalInterface
public interface InProcessCheck {

    /**
     * Checks the repository at {@code root}.
     *
     * @throws Exception for a configuration or input problem; it becomes a check in status
     *     {@link CheckStatus#ERROR} with the exception's message as hint
     */
    Outcome run(Path root) throws Exception;

    /**
     * @param passed whether the check found nothing wrong
     * @param output a human-readable account (kept as the check's standard output)
     * @param findings each problem with its place
     */
    record Outcome(boolean passed, String output, java.util.List<Finding> findings, boolean measured) {
        public Outcome {
            findings = java.util.List.copyOf(findings);
        }

        public Outcome(boolean passed, String output, java.util.List<Finding> findings) {
            this(passed, output, findings, true);
        }

        /** Nothing to judge: the check neither passes nor fails, and carries no points. */
        public static Outcome notMeasured(String output) {
            return new Outcome(false, output, java.util.List.of(), false);
        }
    }
}
