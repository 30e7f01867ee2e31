package dev.root24.exec;

import java.time.Duration;
import java.util.List;

/**
 * What one check did. Every text in it is already masked.
 *
 * @param check the configuration that ran (its environment values are not shown from here: use
 *     {@link #shownEnvironment})
 * @param shownCommand the command line as it may be shown (masked), or {@code built-in}
 * @param status how it ended
 * @param exitCode the process exit code; 124 timed out, 127 not found, -1 when none
 * @param duration wall time from start to the end of the kill or exit
 * @param stdout the kept tail of standard output
 * @param stderr the kept tail of standard error
 * @param stdoutChars how many characters standard output carried in all
 * @param stderrChars how many characters standard error carried in all
 * @param hint a one-line explanation for anything but a plain pass or fail, else null
 * @param findings problems located in files (built-in checks), empty for commands
 * @param shownEnvironment the check's extra environment with secret-looking values masked
 */
public record CheckResult(Check check, String shownCommand, CheckStatus status, int exitCode, Duration duration,
                          String stdout, String stderr, long stdoutChars, long stderrChars, String hint,
                          List<Finding> findings, java.util.Map<String, String> shownEnvironment) {

    public static final int EXIT_TIMEOUT = 124;
    public static final int EXIT_NOT_EXECUTABLE = 126;
    public static final int EXIT_NOT_FOUND = 127;

    public CheckResult {
        findings = List.copyOf(findings);
        shownEnvironment = java.util.Map.copyOf(shownEnvironment);
    }

    public String id() {
        return check.id();
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }

    /** The weight this check carries in phase 2: none when it measured nothing. */
    public int scoredWeight() {
        return status == CheckStatus.NOT_MEASURED ? 0 : check.weight();
    }

    public boolean stdoutTruncated() {
        return stdoutChars > stdout.length();
    }

    public boolean stderrTruncated() {
        return stderrChars > stderr.length();
    }
}
