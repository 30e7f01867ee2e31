package dev.root24.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    @TempDir
    Path root;

    private CommandRunner runner(int parallelism) {
        return new CommandRunner(root, parallelism, CommandRunner.DEFAULT_TAIL_CHARS, BuiltInChecks.none(), System.getenv());
    }

    @Test
    void passesOnAnAcceptedExitCode() {
        CheckResult result = runner(1).run(Check.command("two", "bash -c 'echo out; echo err >&2; exit 2'")
                .withAcceptExitCodes(Set.of(0, 2)));
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void failsOnAnotherExitCode() {
        CheckResult result = runner(1).run(Check.command("one", "bash -c 'exit 1'"));
        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.hint()).contains("exit code 1 is not accepted");
    }

    @Test
    void runsFromTheRootWithoutAShellUnlessAsked() throws IOException {
        Files.writeString(root.resolve("marker.txt"), "here");
        CheckResult plain = runner(1).run(Check.command("cat", "cat marker.txt"));
        assertThat(plain.stdout()).isEqualTo("here");
        // without a shell, $HOME and the pipe are just arguments for echo
        CheckResult noShell = runner(1).run(Check.command("echo", "echo $HOME | wc"));
        assertThat(noShell.stdout()).isEqualTo("$HOME | wc\n");
        CheckResult shell = runner(1).run(Check.command("echo", "echo a b | wc -w").withShell(true));
        assertThat(shell.stdout().strip()).isEqualTo("2");
    }

    @Test
    void aMissingProgramIs127WithAHint() {
        CheckResult result = runner(1).run(Check.command("opa_eval", "opa version"));
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_FOUND);
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.hint()).isEqualTo("opa not found on PATH");
    }

    @Test
    void aMissingScriptIs127NamingTheRoot() {
        CheckResult result = runner(1).run(Check.command("guard", "./12_tooling/guard.sh"));
        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.hint()).isEqualTo("./12_tooling/guard.sh not found (relative to " + root.toAbsolutePath().normalize() + ")");
    }

    @Test
    void aMissingCommandInsideAShellIs127() {
        CheckResult result = runner(1).run(Check.command("opa", "opa-does-not-exist version").withShell(true));
        assertThat(result.status()).isEqualTo(CheckStatus.NOT_FOUND);
        assertThat(result.exitCode()).isEqualTo(127);
    }

    @Test
    void aBrokenCommandLineIsAnErrorNotACrash() {
        CheckResult result = runner(1).run(Check.command("bad", "echo 'open"));
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.hint()).contains("unterminated single quote");
    }

    @Test
    void aTimeoutKillsTheWholeTreeIncludingChildrenThatIgnoreSigterm() throws Exception {
        Path pids = root.resolve("pids");
        // the shell and both children ignore SIGTERM; one child is a grandchild in a subshell
        String script = "trap '' TERM; sleep 60 & echo $! >> pids; (trap '' TERM; sleep 60 & echo $! >> pids; wait) & "
                + "echo $! >> pids; echo $$ >> pids; wait";
        CheckResult result = runner(1).run(Check.command("hang", script).withShell(true)
                .withTimeout(Duration.ofMillis(1500)));
        assertThat(result.status()).isEqualTo(CheckStatus.TIMED_OUT);
        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.hint()).startsWith("timed out after 1.5s");
        List<Long> started = Files.readAllLines(pids).stream().map(String::strip).map(Long::parseLong).toList();
        assertThat(started).hasSize(4);
        for (long pid : started) {
            assertThat(ProcessHandle.of(pid).filter(CommandRunner::isRunning)).as("process %d", pid).isEmpty();
        }
        // ended long before the 60 s sleeps would have (the 2 s bound itself is measured in benchmarks/)
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void backgroundProcessesLeftBehindAreEnded() throws Exception {
        Path pids = root.resolve("pids");
        CheckResult result = runner(1).run(Check.command("bg", "sleep 60 & echo $! > pids; sleep 0.5").withShell(true));
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        long pid = Long.parseLong(Files.readString(pids).strip());
        assertThat(ProcessHandle.of(pid).filter(CommandRunner::isRunning)).isEmpty();
    }

    @Test
    void hugeOutputKeepsABoundedTail() {
        // 50 MB on stdout, 5 MB on stderr: only the last 4,000 characters of each are kept
        CheckResult result = runner(1).run(Check.command("loud",
                "yes 0123456789 | head -c 50000000; yes abcdefghi | head -c 5000000 >&2; printf END").withShell(true));
        assertThat(result.status()).isEqualTo(CheckStatus.PASSED);
        assertThat(result.stdout()).hasSize(4_000).endsWith("789\n012345END");
        assertThat(result.stdoutChars()).isEqualTo(50_000_003L);
        assertThat(result.stdoutTruncated()).isTrue();
        assertThat(result.stderr()).hasSize(4_000).endsWith("abcdefghi\n");
        assertThat(result.stderrChars()).isEqualTo(5_000_000L);
    }

    @Test
    void secretValuesAreMaskedInEverythingKept() {
        String secret = "s3cr3t-0f-the-build";
        Check check = Check.command("leak", "echo \"token=$API_TOKEN\"; echo \"$API_TOKEN\" >&2; echo " + secret)
                .withShell(true)
                .withEnvironment(Map.of("API_TOKEN", secret, "PLAIN", "visible-value"));
        CheckResult result = runner(1).run(check);
        assertThat(result.stdout()).isEqualTo("token=****\n****\n").doesNotContain(secret);
        assertThat(result.stderr()).isEqualTo("****\n");
        assertThat(result.shownCommand()).doesNotContain(secret).contains("****");
        assertThat(result.shownEnvironment()).containsEntry("API_TOKEN", "****").containsEntry("PLAIN", "visible-value");
    }

    @Test
    void booleansAndNumbersUnderSecretNamesAreNotMasked() {
        SecretMask mask = SecretMask.of(Map.of("SIGNING_KEY_ENABLED", "true", "TOKEN_TTL", "3600", "API_KEY", "abc", "DB_PASSWORD", "hunter22"));
        assertThat(mask.apply("true 3600 abc hunter22")).isEqualTo("true 3600 abc ****");
        assertThat(mask.maskValues(Map.of("SIGNING_KEY_ENABLED", "true"))).containsEntry("SIGNING_KEY_ENABLED", "****");
    }

    @Test
    void inheritedSecretsAreMaskedToo() {
        CommandRunner inheriting = new CommandRunner(root, 1, 100, BuiltInChecks.none(), Map.of("CI_DB_PASSWORD", "pa55word!"));
        CheckResult result = inheriting.run(Check.command("echo", "echo pa55word!"));
        assertThat(result.stdout()).isEqualTo("****\n");
    }

    @Test
    void noCheckInheritsTheSigningKey() {
        // Set in the check's own environment because the test JVM's cannot be changed; removal covers both.
        CheckResult result = runner(1).run(Check.command("env", "echo ${ROOT24_SIGNING_KEY:-absent} $OTHER_VALUE")
                .withShell(true).withEnvironment(Map.of("ROOT24_SIGNING_KEY", "-----BEGIN PRIVATE KEY-----",
                        "OTHER_VALUE", "kept")));
        assertThat(result.stdout()).isEqualTo("absent kept\n");
    }

    @Test
    void checksRunInParallelAndKeepTheirOrder() {
        List<Check> checks = new ArrayList<>();
        double[] sleeps = {1.0, 0.2, 0.8, 0.5};
        double sum = 0;
        for (int i = 0; i < sleeps.length; i++) {
            checks.add(Check.command("c" + i, "bash -c 'sleep " + sleeps[i] + "; echo " + i + "'"));
            sum += sleeps[i];
        }
        long start = System.nanoTime();
        List<CheckResult> results = runner(4).runAll(checks);
        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(results).extracting(CheckResult::id).containsExactly("c0", "c1", "c2", "c3");
        assertThat(results).extracting(CheckResult::stdout).containsExactly("0\n", "1\n", "2\n", "3\n");
        // one after another takes the sum (2.5 s); in parallel close to the slowest (1 s): a ratio, not a time
        assertThat(wall / sum).isLessThan(0.8);
    }

    @Test
    void builtInChecksRunInProcess() {
        BuiltInChecks builtIns = BuiltInChecks.none().with("lock", dir -> new InProcessCheck.Outcome(false,
                "1 violation in " + dir.getFileName(), List.of(new Finding("UNAUTHORISED_FILE", "x.zip", 0, "remove it"))));
        CommandRunner inProcess = new CommandRunner(root, 2, 4_000, builtIns, Map.of());
        List<CheckResult> results = inProcess.runAll(List.of(Check.builtIn("lock"), Check.builtIn("wormChain")));
        assertThat(results.get(0).status()).isEqualTo(CheckStatus.FAILED);
        assertThat(results.get(0).findings()).extracting(Finding::file).containsExactly("x.zip");
        assertThat(results.get(0).shownCommand()).isEqualTo("built-in");
        assertThat(results.get(1).status()).isEqualTo(CheckStatus.ERROR);
        assertThat(results.get(1).hint()).contains("no built-in check named 'wormChain'");
    }

    @Test
    void aBuiltInCheckThatThrowsIsAnError() {
        BuiltInChecks builtIns = BuiltInChecks.none().with("broken", dir -> {
            throw new IllegalStateException("policy.yaml:3: unknown key 'x'");
        });
        CheckResult result = new CommandRunner(root, 1, 100, builtIns, Map.of()).run(Check.builtIn("broken"));
        assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(result.hint()).isEqualTo("policy.yaml:3: unknown key 'x'");
    }

    @Test
    void timeoutsAreReadAsPeopleWriteThem() {
        assertThat(Check.parseTimeout("120s")).isEqualTo(Duration.ofSeconds(120));
        assertThat(Check.parseTimeout("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Check.parseTimeout("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Check.parseTimeout("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Check.parseTimeout("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Check.parseTimeout("soon"))
                .hasMessageStartingWith("must be a positive duration").hasMessageNotContaining("soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Check.parseTimeout("0s"))
                .hasMessageStartingWith("must be a positive duration");
    }
}
