package dev.root24.report;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.Check;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CommandRunner;

/**
 * The commit checked out at the repository root, asked of {@code git rev-parse HEAD} with a short
 * timeout. Git knows worktrees, submodules and packed refs; when git is missing, slow or the
 * directory is no repository, there is simply no commit id: this never fails a build.
 */
public final class GitCommit {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private GitCommit() {}

    public static Optional<String> of(Path root) {
        try {
            CommandRunner runner = new CommandRunner(root, 1, 200, BuiltInChecks.none(), Map.of());
            CheckResult result = runner.run(Check.command("git", "git rev-parse --verify -q HEAD").withTimeout(TIMEOUT));
            String id = result.stdout().strip();
            return result.passed() && ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the work tree differs from the commit ({@code git status --porcelain} prints
     * anything, ignored files aside); empty when git cannot tell. A verifier can refuse a
     * certification of uncommitted work, which no one can reproduce.
     */
    public static Optional<Boolean> dirty(Path root) {
        try {
            CommandRunner runner = new CommandRunner(root, 1, 200, BuiltInChecks.none(), Map.of());
            CheckResult result = runner.run(Check.command("git", "git status --porcelain --untracked-files=normal")
                    .withTimeout(TIMEOUT));
            return result.passed() ? Optional.of(result.stdoutChars() > 0) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
