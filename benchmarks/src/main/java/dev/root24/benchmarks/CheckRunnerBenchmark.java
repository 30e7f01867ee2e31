package dev.root24.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.root24.exec.BuiltInChecks;
import dev.root24.exec.Check;
import dev.root24.exec.CheckResult;
import dev.root24.exec.CheckStatus;
import dev.root24.exec.CommandRunner;

/**
 * certify's dynamic phase: four checks that each sleep 1 s, run in parallel (4 at a time) against
 * one after another (1 at a time, the baseline) in the same run; and how long after its deadline a
 * timed-out process tree that ignores SIGTERM is gone.
 */
public final class CheckRunnerBenchmark {

    private CheckRunnerBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("root24-bench");
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            checks.add(Check.command("sleep" + i, "sleep 1"));
        }
        CommandRunner sequential = new CommandRunner(root, 1, 4_000, BuiltInChecks.none(), Map.of());
        CommandRunner parallel = new CommandRunner(root, 4, 4_000, BuiltInChecks.none(), Map.of());
        long oneByOne = Harness.medianNanos(1, 3, () -> passed(sequential.runAll(checks)));
        long together = Harness.medianNanos(1, 5, () -> passed(parallel.runAll(checks)));
        System.out.println("| case | median wall time | ratio |");
        System.out.println("| --- | --- | --- |");
        System.out.println("| 4 × `sleep 1`, parallelism 1 (baseline) | " + Harness.millis(oneByOne) + " | 1.00 |");
        System.out.printf("| 4 × `sleep 1`, parallelism 4 | %s | %.2f |%n", Harness.millis(together),
                (double) together / oneByOne);

        Check hang = Check.command("hang", "trap '' TERM; (trap '' TERM; sleep 60) & sleep 60").withShell(true)
                .withTimeout(Duration.ofSeconds(1));
        CommandRunner one = new CommandRunner(root, 1, 4_000, BuiltInChecks.none(), Map.of());
        long[] overshoot = new long[5];
        for (int i = 0; i < overshoot.length; i++) {
            CheckResult result = one.run(hang);
            if (result.status() != CheckStatus.TIMED_OUT) {
                throw new IllegalStateException("expected a timeout, got " + result.status());
            }
            overshoot[i] = result.duration().minus(hang.timeout()).toNanos();
        }
        java.util.Arrays.sort(overshoot);
        System.out.println();
        System.out.println("| timed-out tree ignoring SIGTERM, 1 s timeout | median | max |");
        System.out.println("| --- | --- | --- |");
        System.out.println("| gone after the deadline | " + Harness.millis(overshoot[2]) + " | " + Harness.millis(overshoot[4]) + " |");
    }

    private static Object passed(List<CheckResult> results) {
        if (!results.stream().allMatch(CheckResult::passed)) {
            throw new IllegalStateException("a check failed: " + results);
        }
        return results;
    }
}
