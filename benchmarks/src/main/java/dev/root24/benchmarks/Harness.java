package dev.root24.benchmarks;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * A minimal timing harness: warm-up rounds, then measured rounds, reported as the median, which
 * a noisy shared machine disturbs less than the mean. Results are meant to be read as ratios
 * between cases measured in the same run.
 */
final class Harness {

    private Harness() {}

    /** Median wall time of {@code task} in nanoseconds. */
    static long medianNanos(int warmups, int rounds, Callable<?> task) throws Exception {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = task.call();
        }
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            sink = task.call();
            times[i] = System.nanoTime() - start;
        }
        if (sink == null) {
            throw new IllegalStateException("the task returned nothing; the JIT might have removed it");
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }

    static String millis(long nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }
}
