package dev.root24.ci;

import java.util.Locale;
import java.util.Set;

/**
 * The program GitHub runs a {@code run:} script with ({@code shell:} or {@code defaults.run.shell}),
 * and how it treats a failing command: whether it stops at the first failure ({@code errexit}),
 * whether a failure inside a pipeline counts ({@code pipefail}).
 *
 * @param name what to call it in messages ({@code bash}, {@code cat {0}}...); never a secret, only a program name
 * @param runsScript false when the program only prints or copies the script ({@code cat {0}})
 * @param shellSyntax whether the script is a POSIX-like shell script (not Python, PowerShell...)
 * @param errexit whether the first failing command ends the script with its status
 * @param pipefail whether a failing command inside a pipeline fails the pipeline
 * @param note why it counts although nothing is known of it (an unknown program), or null
 */
record StepShell(String name, boolean runsScript, boolean shellSyntax, boolean errexit, boolean pipefail, String note) {

    /** Programs that read or print their argument without running it. */
    private static final Set<String> NOT_RUNNERS = Set.of("cat", "echo", "printf", "true", "false", ":", "tee", "head", "tail",
            "less", "more", "wc", "ls", "test", "stat", "touch", "file", "grep", "sort", "md5sum", "sha256sum");
    private static final Set<String> POSIX_SHELLS = Set.of("bash", "sh", "zsh", "dash", "ksh", "ash");
    private static final Set<String> INTERPRETERS = Set.of("python", "python3", "pwsh", "powershell", "node", "perl", "ruby",
            "cmd", "deno", "bun");

    /** Ubuntu runners without {@code shell:}: {@code bash -e {0}}. */
    static final StepShell DEFAULT = new StepShell("bash -e", true, true, true, false, null);

    /** A shell named by {@code shell:}; null or blank is the runner's default. */
    static StepShell of(Object shell) {
        if (shell == null || shell.toString().isBlank()) {
            return DEFAULT;
        }
        String s = shell.toString().strip();
        if (s.contains("${{")) {
            return new StepShell("an expression", true, true, true, false, "shell: set by an expression, not decided statically");
        }
        switch (s) {
            case "bash":
                return new StepShell("bash", true, true, true, true, null);
            case "sh":
                return new StepShell("sh", true, true, true, false, null);
            case "pwsh", "powershell":
                // GitHub ends the script with `exit $LASTEXITCODE`: a failing native command before the last is masked.
                return new StepShell(s, true, false, false, false, null);
            case "cmd":
                return new StepShell("cmd", true, false, false, false, null);
            case "python":
                return new StepShell("python", true, false, true, false, null);
            default:
                break;
        }
        String[] words = s.split("\\s+");
        String program = words[0];
        program = program.substring(program.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (program.equals("env") && words.length > 1) {
            program = words[1].substring(words[1].lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        }
        if (NOT_RUNNERS.contains(program)) {
            return new StepShell(program + " {0}", false, false, false, false, null);
        }
        if (POSIX_SHELLS.contains(program)) {
            boolean errexit = false;
            boolean pipefail = false;
            for (int i = 1; i < words.length; i++) {
                String w = words[i];
                if (w.startsWith("-") && !w.startsWith("--")) {
                    errexit |= w.indexOf('e', 1) > 0;
                    if (w.indexOf('o', 1) > 0 && i + 1 < words.length && words[i + 1].equals("pipefail")) {
                        pipefail = true;
                    }
                }
            }
            return new StepShell(program + " {0}", true, true, errexit, pipefail, null);
        }
        if (INTERPRETERS.contains(program)) {
            return new StepShell(program + " {0}", true, false, true, false, null);
        }
        return new StepShell("a custom program", true, false, true, false, "shell: is a program not known to run or ignore its script");
    }
}
