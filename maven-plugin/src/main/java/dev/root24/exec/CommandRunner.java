package dev.root24.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs checks from the repository root: commands as argument lists (a shell only when asked),
 * several at once, each bounded in time and in the output it keeps.
 *
 * <p>A process that outlives its timeout is ended together with every descendant it started,
 * politely first and then forcibly, so a child that ignores SIGTERM goes too; descendants left
 * running after a command exits are ended as well. Descendants are tracked while the command runs,
 * because once a parent dies its children are re-parented and can no longer be found from it. A
 * JVM shutdown hook ends whatever is still running if the build itself is stopped.
 */
public final class CommandRunner {

    /** How long a process tree has to end after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofMillis(800);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    public static final int DEFAULT_TAIL_CHARS = 4_000;

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger HOOK = new AtomicInteger();

    private final Path root;
    private final int parallelism;
    private final int tailChars;
    private final BuiltInChecks builtIns;
    /** Variables no check inherits: the plugin's own key material. */
    static final java.util.Set<String> WITHHELD = java.util.Set.of("ROOT24_SIGNING_KEY");

    private final Map<String, String> inherited;

    /**
     * @param root working directory of every command and the root the built-in checks look at
     * @param parallelism how many checks run at once (at least 1)
     * @param tailChars how many characters of each stream are kept
     * @param builtIns the in-process checks that configurations may name
     * @param inherited the environment commands inherit (normally {@link System#getenv()}); its
     *     secret-looking values are masked too
     */
    public CommandRunner(Path root, int parallelism, int tailChars, BuiltInChecks builtIns, Map<String, String> inherited) {
        this.root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("working directory " + this.root + " is not a directory");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        if (tailChars < 0) {
            throw new IllegalArgumentException("tailChars must not be negative");
        }
        this.parallelism = parallelism;
        this.tailChars = tailChars;
        this.builtIns = Objects.requireNonNull(builtIns);
        this.inherited = Map.copyOf(inherited);
    }

    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Runs every check, at most {@code parallelism} at a time; results in the order given. */
    public List<CheckResult> runAll(List<Check> checks) {
        if (checks.isEmpty()) {
            return List.of();
        }
        int threads = Math.min(parallelism, checks.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Check check : checks) {
                futures.add(pool.submit(() -> run(check)));
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), checks.get(i)));
            }
            return List.copyOf(results);
        } finally {
            pool.shutdownNow();
        }
    }

    private CheckResult await(Future<CheckResult> future, Check check) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(check, SecretMask.of(inherited, check.environment()), "interrupted", Duration.ZERO);
        } catch (ExecutionException e) {
            SecretMask mask = SecretMask.of(inherited, check.environment());
            return error(check, mask, "check crashed: " + mask.apply(String.valueOf(e.getCause())), Duration.ZERO);
        }
    }

    /** Runs one check in the calling thread. */
    public CheckResult run(Check check) {
        return check.isBuiltIn() ? runBuiltIn(check) : runCommand(check);
    }

    private CheckResult runBuiltIn(Check check) {
        SecretMask mask = SecretMask.of(inherited, check.environment());
        long start = System.nanoTime();
        var found = builtIns.find(check.id());
        if (found.isEmpty()) {
            return error(check, mask, "no built-in check named '" + check.id() + "' in this version (built-in: "
                    + String.join(", ", builtIns.ids()) + "); give it a <command>", Duration.ZERO);
        }
        try {
            InProcessCheck.Outcome outcome = found.get().run(root);
            OutputTail out = new OutputTail(tailChars, mask);
            char[] text = outcome.output().toCharArray();
            out.accept(text, text.length);
            out.finish();
            List<Finding> findings = outcome.findings().stream()
                    .map(f -> new Finding(f.kind(), f.file(), f.line(), mask.apply(f.message())))
                    .toList();
            CheckStatus status = !outcome.measured() ? CheckStatus.NOT_MEASURED
                    : outcome.passed() ? CheckStatus.PASSED : CheckStatus.FAILED;
            return new CheckResult(check, "built-in", status,
                    outcome.passed() ? 0 : 1, Duration.ofNanos(System.nanoTime() - start), out.text(), "",
                    out.totalChars(), 0, null, findings, mask.maskValues(check.environment()));
        } catch (Exception e) {
            return error(check, mask, mask.apply(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private CheckResult runCommand(Check check) {
        ProcessBuilder builder = new ProcessBuilder().directory(root.toFile());
        builder.environment().putAll(check.environment());
        SecretMask mask = SecretMask.of(inherited, builder.environment());
        // A check needs no signing key; a child process that never holds it cannot leak it.
        builder.environment().keySet().removeAll(WITHHELD);
        String shown = mask.apply(check.command());
        List<String> argv;
        try {
            argv = check.shell() ? List.of("bash", "-c", check.command()) : CommandLine.split(check.command());
        } catch (IllegalArgumentException e) {
            return error(check, mask, "cannot split the command: " + e.getMessage(), Duration.ZERO);
        }
        builder.command(argv);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return startFailure(check, mask, argv.get(0), e, Duration.ofNanos(System.nanoTime() - start));
        }
        RUNNING.add(process);
        installShutdownHook();
        try {
            return supervise(check, mask, shown, process, start);
        } finally {
            RUNNING.remove(process);
        }
    }

    private CheckResult supervise(Check check, SecretMask mask, String shown, Process process, long start) {
        OutputTail out = new OutputTail(tailChars, mask);
        OutputTail err = new OutputTail(tailChars, mask);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Nothing to tell the command: it simply gets no input either way.
        }
        Thread outThread = drainer(check.id() + "-out", () -> out.drain(process.getInputStream()));
        Thread errThread = drainer(check.id() + "-err", () -> err.drain(process.getErrorStream()));
        Set<ProcessHandle> seen = new LinkedHashSet<>();
        long deadline = start + check.timeout().toNanos();
        boolean exited = false;
        boolean interrupted = false;
        while (!exited) {
            process.descendants().forEach(seen::add);
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                exited = process.waitFor(Math.min(remaining, POLL_NANOS), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (!exited) {
            endTree(process.toHandle(), seen);
        } else {
            endLeftovers(seen);
        }
        join(outThread);
        join(errThread);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        CheckStatus status;
        int code;
        String hint = null;
        if (!exited) {
            status = CheckStatus.TIMED_OUT;
            code = CheckResult.EXIT_TIMEOUT;
            hint = interrupted ? "interrupted; the process and its descendants were killed"
                    : "timed out after " + format(check.timeout()) + "; the process and its descendants were killed";
        } else {
            code = process.exitValue();
            if (check.acceptExitCodes().contains(code)) {
                status = CheckStatus.PASSED;
            } else if (check.shell() && code == CheckResult.EXIT_NOT_FOUND) {
                status = CheckStatus.NOT_FOUND;
                hint = "bash exited 127: a command in it was not found";
            } else {
                status = CheckStatus.FAILED;
                hint = "exit code " + code + " is not accepted (accepted: " + check.acceptExitCodes() + ")";
            }
        }
        return new CheckResult(check, shown, status, code, duration, out.text(), err.text(), out.totalChars(),
                err.totalChars(), hint, List.of(), mask.maskValues(check.environment()));
    }

    private CheckResult startFailure(Check check, SecretMask mask, String program, IOException e, Duration duration) {
        String message = String.valueOf(e.getMessage());
        String shownProgram = mask.apply(program);
        if (message.contains("error=2,") || message.contains("No such file")) {
            String hint = program.contains("/")
                    ? shownProgram + " not found (relative to " + root + ")"
                    : shownProgram + " not found on PATH";
            return new CheckResult(check, mask.apply(check.command()), CheckStatus.NOT_FOUND, CheckResult.EXIT_NOT_FOUND,
                    duration, "", "", 0, 0, hint, List.of(), mask.maskValues(check.environment()));
        }
        if (message.contains("error=13,")) {
            return new CheckResult(check, mask.apply(check.command()), CheckStatus.ERROR, CheckResult.EXIT_NOT_EXECUTABLE,
                    duration, "", "", 0, 0, shownProgram + " is not executable (permission denied)", List.of(),
                    mask.maskValues(check.environment()));
        }
        return error(check, mask, "cannot start " + shownProgram + ": " + mask.apply(message), duration);
    }

    private CheckResult error(Check check, SecretMask mask, String hint, Duration duration) {
        String shown = check.isBuiltIn() ? "built-in" : mask.apply(check.command());
        return new CheckResult(check, shown, CheckStatus.ERROR, -1, duration, "", "", 0, 0, hint, List.of(),
                mask.maskValues(check.environment()));
    }

    /**
     * SIGTERM to the process and every descendant known, a grace period, then SIGKILL to whatever
     * is left, including descendants that appeared meanwhile.
     */
    static void endTree(ProcessHandle process, Set<ProcessHandle> seen) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process);
        process.descendants().forEach(tree::add);
        tree.addAll(seen);
        tree.forEach(ProcessHandle::destroy);
        long graceEnd = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < graceEnd && tree.stream().anyMatch(CommandRunner::isRunning)) {
            for (ProcessHandle handle : List.copyOf(tree)) {
                if (isRunning(handle)) {
                    handle.descendants().forEach(tree::add);
                }
            }
            sleep(50);
        }
        for (ProcessHandle handle : List.copyOf(tree)) {
            if (isRunning(handle)) {
                handle.descendants().forEach(tree::add);
            }
        }
        tree.stream().filter(CommandRunner::isRunning).forEach(ProcessHandle::destroyForcibly);
        long killEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < killEnd && tree.stream().anyMatch(CommandRunner::isRunning)) {
            sleep(20);
        }
    }

    /**
     * Whether the process still runs. A killed process whose parent has not reaped it yet (a
     * zombie, common once it is re-parented) holds no resources and is not running.
     */
    public static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
        try {
            String text = Files.readString(stat);
            int close = text.lastIndexOf(')');
            char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or the process just went: trust isAlive.
            return handle.isAlive();
        }
    }

    private static void endLeftovers(Set<ProcessHandle> seen) {
        List<ProcessHandle> alive = seen.stream().filter(CommandRunner::isRunning).toList();
        if (!alive.isEmpty()) {
            endTree(alive.get(0), new LinkedHashSet<>(alive));
        }
    }

    private static void installShutdownHook() {
        if (HOOK.compareAndSet(0, 1)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (Process p : RUNNING) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }, "root24-end-checks"));
        }
    }

    private static Thread drainer(String name, Runnable body) {
        Thread thread = new Thread(body, "root24-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread thread) {
        try {
            // A descendant that escaped into its own session may hold the pipe open: do not wait for it.
            thread.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return body -> {
            Thread thread = new Thread(body, "root24-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code 120s}, {@code 1.5s}, {@code 2m}: as a person would write it. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 60_000) {
            return (millis / 60_000) + "m";
        }
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        if (millis > 1000 && millis % 100 == 0) {
            return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
        }
        return millis + "ms";
    }
}
