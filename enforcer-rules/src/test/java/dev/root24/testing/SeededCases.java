package dev.root24.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Generated cases for JUnit 5 {@code @ParameterizedTest}s: first the edge cases of every
 * parameter (empty, minimum, maximum, the values next to them, zero, unicode corners), then
 * random values, all from one fixed seed. Each case's display name starts with that seed and
 * the case number, so a failure names the case that reproduces it; {@code -Droot24.test.seed=N}
 * explores another sequence, and the same {@code N} replays it.
 *
 * <p>Use it from a {@code @MethodSource} factory:
 * <pre>{@code
 * static Stream<Arguments> sizes() {
 *     return SeededCases.of(200, Gen.ints(0, 60), Gen.ints(1, 40));
 * }
 * }</pre>
 */
public final class SeededCases {

    /** Fixed so that every run sees the same cases; change it only to explore, never to pass. */
    public static final long DEFAULT_SEED = 20261203L;

    private static final int SHOWN = 60;

    private SeededCases() {
    }

    /** The seed in force: {@value #DEFAULT_SEED} unless {@code -Droot24.test.seed} says otherwise. */
    public static long seed() {
        String value = System.getProperty("root24.test.seed");
        return value == null || value.isBlank() ? DEFAULT_SEED : Long.parseLong(value.trim());
    }

    /**
     * {@code count} cases for a property of one or more parameters. Up to a quarter of them combine
     * edge cases (every edge of every parameter appears at least once when room allows); the rest
     * are random. The case at a given position is the same in every run with the same seed.
     */
    public static Stream<Arguments> of(int count, Gen<?>... parameters) {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> cases = new ArrayList<>();
        for (Object[] edge : edgeCombinations(parameters, Math.max(1, count / 4), random)) {
            if (cases.size() < count) {
                cases.add(edge);
            }
        }
        while (cases.size() < count) {
            Object[] values = new Object[parameters.length];
            for (int p = 0; p < parameters.length; p++) {
                values[p] = parameters[p].random().apply(random);
            }
            cases.add(values);
        }
        return IntStream.range(0, cases.size()).mapToObj(i -> Arguments.argumentSet(
                "seed " + seed + " case " + i + ": " + describe(cases.get(i)), cases.get(i)));
    }

    /** The "diagonal" of the edges (so each one appears), then random combinations of edges. */
    private static List<Object[]> edgeCombinations(Gen<?>[] parameters, int room, SplittableRandom random) {
        int longest = 0;
        for (Gen<?> p : parameters) {
            longest = Math.max(longest, p.edges().size());
        }
        List<Object[]> result = new ArrayList<>();
        if (longest == 0) {
            return result;
        }
        for (int i = 0; i < longest && result.size() < room; i++) {
            Object[] values = new Object[parameters.length];
            for (int p = 0; p < parameters.length; p++) {
                List<?> edges = parameters[p].edges();
                values[p] = edges.isEmpty() ? parameters[p].random().apply(random) : edges.get(i % edges.size());
            }
            result.add(values);
        }
        while (result.size() < room && parameters.length > 1) {
            Object[] values = new Object[parameters.length];
            for (int p = 0; p < parameters.length; p++) {
                List<?> edges = parameters[p].edges();
                values[p] = edges.isEmpty() ? parameters[p].random().apply(random)
                        : edges.get(random.nextInt(edges.size()));
            }
            result.add(values);
        }
        return result;
    }

    private static String describe(Object[] values) {
        return Stream.of(values).map(SeededCases::describe).collect(Collectors.joining(", "));
    }

    /** Printable and short: a display name must not break a report with control characters. */
    static String describe(Object value) {
        if (!(value instanceof String s)) {
            return String.valueOf(value);
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length() && out.length() < SHOWN; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (out.length() >= SHOWN) {
            out.append("…(").append(s.length()).append(" chars)");
        }
        return out.append('"').toString();
    }

    /**
     * How to make values of one parameter: the edge cases, always tried first, and a random
     * generator for the rest.
     */
    public record Gen<T>(List<T> edges, Function<SplittableRandom, T> random) {

        public Gen {
            edges = List.copyOf(edges);
        }

        /** Integers in {@code [min, max]}; edges: both ends, their neighbours, and -1, 0, 1 when inside. */
        public static Gen<Integer> ints(int min, int max) {
            LinkedHashSet<Integer> edges = new LinkedHashSet<>();
            for (long v : new long[] {min, max, (long) min + 1, (long) max - 1, 0, 1, -1}) {
                if (v >= min && v <= max) {
                    edges.add((int) v);
                }
            }
            return new Gen<>(List.copyOf(edges), r -> (int) r.nextLong(min, (long) max + 1));
        }

        /** Any {@code long}; edges: both ends, their neighbours, -1, 0, 1. */
        public static Gen<Long> longs() {
            List<Long> edges = List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
                    Long.MAX_VALUE - 1);
            return new Gen<>(edges, r -> switch (r.nextInt(3)) {
                case 0 -> r.nextLong();
                case 1 -> r.nextLong(-1000, 1001);
                default -> r.nextLong() >> r.nextInt(64);
            });
        }

        /**
         * Any finite {@code double}; edges: both zeros, ±1, the smallest subnormal and normal, the
         * largest value, and values with long decimal expansions. Random values come from all bit
         * patterns (so every exponent), from small decimals and from integers beyond 2^53.
         */
        public static Gen<Double> finiteDoubles() {
            List<Double> edges = List.of(0.0, -0.0, 1.0, -1.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                    Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1, 1e21, 1e-7, 123456789012345680.0,
                    Math.nextDown(1.0), Math.nextUp(1.0), 9007199254740993.0);
            return new Gen<>(edges, r -> {
                switch (r.nextInt(3)) {
                    case 0:
                        double bits;
                        do {
                            bits = Double.longBitsToDouble(r.nextLong());
                        } while (!Double.isFinite(bits));
                        return bits;
                    case 1:
                        return Math.round(r.nextDouble(-1e6, 1e6) * 1000) / 1000.0;
                    default:
                        return (double) r.nextLong();
                }
            });
        }

        /** {@code [0, 1)}: edges 0, the smallest step above it, one half, and the largest below 1. */
        public static Gen<Double> unitInterval() {
            return new Gen<>(List.of(0.0, Double.MIN_VALUE, 0.5, Math.nextDown(1.0)), SplittableRandom::nextDouble);
        }

        /**
         * Any Java string, lone surrogates included; edges: empty, one space, NUL, the characters JSON
         * escapes, the last BMP character, a surrogate pair, each lone surrogate, a long string.
         */
        public static Gen<String> strings() {
            List<String> edges = List.of("", " ", "\u0000", "\"", "\\", "\n\r\t\b\f", "\u001f\u007f",
                    "\uffff", "\ud83d\ude00", "\ud800", "\udfff", "e\u0301", "\u2028\u2029", "x".repeat(1000));
            return new Gen<>(edges, r -> {
                int length = r.nextInt(4) == 0 ? 0 : r.nextInt(1, 40);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < length; i++) {
                    switch (r.nextInt(4)) {
                        case 0 -> s.append((char) r.nextInt(0x20, 0x7f));
                        case 1 -> s.append((char) r.nextInt(0, 0x20));
                        case 2 -> s.appendCodePoint(r.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
                        default -> s.append((char) r.nextInt(0, Character.MAX_VALUE + 1));
                    }
                }
                return s.toString();
            });
        }

        /**
         * Concatenations of up to {@code maxSize} pieces; edges: nothing, each piece alone, and
         * {@code maxSize} copies of the first.
         */
        public static Gen<String> joined(List<String> pieces, int maxSize) {
            List<String> edges = new ArrayList<>();
            edges.add("");
            edges.addAll(pieces);
            edges.add(pieces.get(0).repeat(maxSize));
            return new Gen<>(edges, r -> {
                int n = r.nextInt(maxSize + 1);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    s.append(pieces.get(r.nextInt(pieces.size())));
                }
                return s.toString();
            });
        }
    }
}
