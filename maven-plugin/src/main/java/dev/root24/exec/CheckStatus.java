package dev.root24.exec;

/** How a check ended. Only {@link #PASSED} earns its points. */
public enum CheckStatus {
    /** Exited with an accepted code (or the built-in check found nothing wrong). */
    PASSED,
    /** Exited with a code it does not accept, or the built-in check found violations. */
    FAILED,
    /** Ran past its timeout and was killed with its descendants: exit code 124. */
    TIMED_OUT,
    /** The program does not exist: exit code 127. */
    NOT_FOUND,
    /** Could not be started or checked for another reason (not executable, bad command line). */
    ERROR,
    /**
     * A built-in check that had nothing to judge, such as the WORM chain before its first entry:
     * it neither earns nor loses points, because passing it would prove nothing.
     */
    NOT_MEASURED
}
