package dev.root24.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.root24.worm.CertificationRecord;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.ChainVerifier;
import dev.root24.worm.PemKeys;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.Signer;
import dev.root24.worm.SigningKey;
import dev.root24.worm.TrustedKey;
import dev.root24.worm.WormStore;

/**
 * WORM benchmarks; run with benchmarks/worm/run.sh. Prints markdown rows for docs/benchmarks.md.
 *
 * <p>1. Append cost per entry (durable: fsync of file and directory), per signing configuration,
 * against the file system floor measured in the same run: writing the same number of bytes to a
 * new file with the same fsyncs. 2. verify-chain on a long chain against {@code sha512sum}
 * reading the same entry files (the hashing floor); both with a warm page cache, best of two
 * runs each, interleaved. {@code -Dbenchmark.verifyOnly=true} skips part 1.
 */
public final class WormBenchmark {

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("benchmark.appends", 300);
        int chain = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("benchmark.chain", 100_000);
        Path work = Files.createTempDirectory("root24-worm-bench");
        try {
            if (!Boolean.getBoolean("benchmark.verifyOnly")) {
                appendCost(work, appends);
            }
            verifyCost(work, chain);
        } finally {
            try (Stream<Path> all = Files.walk(work)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CertificationRecord record(int n) {
        String report = "{\"summary\":{\"overall_score\":80,\"tier\":\"SILVER\",\"run\":" + n
                + "},\"phases\":{\"static_analysis\":52,\"dynamic_execution\":100,\"audit_proof\":91}}";
        return new CertificationRecord("dev.root24:bench", "0123456789abcdef0123456789abcdef01234567",
                report.getBytes(StandardCharsets.UTF_8), 80, "SILVER",
                Map.of("static_analysis", 52, "dynamic_execution", 100, "audit_proof", 91), "sha256:00", "bench");
    }

    private static Signer signer(Path dir, String name, List<SignatureAlgorithm> algorithms) throws Exception {
        if (algorithms.isEmpty()) {
            return Signer.unsigned();
        }
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, name, algorithms);
        List<SigningKey> keys = PemKeys.readPrivateKeys(files.privateKeyFile());
        return Signer.of(keys, algorithms, name);
    }

    private static void appendCost(Path work, int n) throws Exception {
        // Floor: same size files, same durability steps, no chain logic.
        Path floorDir = Files.createDirectories(work.resolve("floor"));
        byte[] sample = new byte[4000];
        long floorStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Path f = floorDir.resolve("f" + i);
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(sample));
                ch.force(true);
            }
            try (FileChannel d = FileChannel.open(floorDir, StandardOpenOption.READ)) {
                d.force(true);
            }
        }
        double floorMs = (System.nanoTime() - floorStart) / 1e6 / n;
        System.out.printf("| write + fsync a 4 kB file (floor) | %.3f ms | 1.0 |%n", floorMs);

        Map<String, List<SignatureAlgorithm>> configs = new java.util.LinkedHashMap<>();
        configs.put("unsigned", List.of());
        configs.put("Ed25519", List.of(SignatureAlgorithm.ED25519));
        configs.put("ML-DSA-44", List.of(SignatureAlgorithm.ML_DSA_44));
        configs.put("ML-DSA-44 + Ed25519", List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519));
        int c = 0;
        for (Map.Entry<String, List<SignatureAlgorithm>> config : configs.entrySet()) {
            Path dir = work.resolve("append" + c++);
            Signer signer = signer(work, "k" + c, config.getValue());
            WormStore store = WormStore.open(dir);
            for (int i = 0; i < 20; i++) {
                store.append(record(i), signer); // warm-up
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                store.append(record(i), signer);
            }
            double ms = (System.nanoTime() - start) / 1e6 / n;
            System.out.printf("| append, %s | %.3f ms | %.1f |%n", config.getKey(), ms, ms / floorMs);
        }
    }

    private static void verifyCost(Path work, int n) throws Exception {
        for (List<SignatureAlgorithm> algorithms : List.of(List.<SignatureAlgorithm>of(),
                List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519))) {
            String label = algorithms.isEmpty() ? "unsigned" : "ML-DSA-44 + Ed25519";
            Path dir = work.resolve("chain-" + algorithms.size());
            Signer signer = signer(work, "v" + algorithms.size(), algorithms);
            long genStart = System.nanoTime();
            WormStore store = WormStore.open(dir, WormStore.Durability.NO_FSYNC, Clock.systemUTC());
            for (int i = 0; i < n; i++) {
                store.append(record(i), signer);
            }
            double genS = (System.nanoTime() - genStart) / 1e9;
            List<TrustedKey> trusted = signer.keys().stream().map(SigningKey::trusted).toList();

            sha512sum(dir); // warms the page cache for both
            ChainVerification v = null;
            double sha = Double.MAX_VALUE;
            double shaCpu = Double.MAX_VALUE;
            double verifyS = Double.MAX_VALUE;
            double verifyCpu = Double.MAX_VALUE;
            // Best of two each, interleaved, so a burst of load on a shared machine hits both alike.
            // CPU seconds are reported beside wall time: on a loaded machine they still show the work.
            for (int round = 0; round < 2; round++) {
                double[] floor = sha512sum(dir);
                sha = Math.min(sha, floor[0]);
                shaCpu = Math.min(shaCpu, floor[1]);
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                v = new ChainVerifier(trusted, null, Set.of()).verify(dir);
                verifyS = Math.min(verifyS, (System.nanoTime() - start) / 1e9);
                verifyCpu = Math.min(verifyCpu, (processCpuNanos() - cpuStart) / 1e9);
            }
            if (v.entries() != n || !v.problems(dev.root24.worm.Outcome.FAIL).isEmpty()) {
                throw new IllegalStateException("benchmark chain did not verify: " + v.problems());
            }
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.filter(p -> p.getFileName().toString().startsWith("entry-"))
                        .mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("| %,d entries, %s (%.0f MB; generated in %.0f s) | sha512sum %.2f s (CPU %.2f s) | verify-chain %.2f s"
                    + " (CPU %.2f s, %d threads) | %.1f (CPU %.1f) |%n", n, label, bytes / 1e6, genS, sha, shaCpu, verifyS, verifyCpu,
                    Runtime.getRuntime().availableProcessors(), verifyS / sha, verifyCpu / shaCpu);
        }
    }

    /** CPU time of this process so far, every thread. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Wall and CPU seconds (user + system, of every process of the pipeline) {@code sha512sum}
     * needs for every entry file, driven through xargs to avoid argv limits.
     */
    private static double[] sha512sum(Path dir) throws IOException, InterruptedException {
        return sha512sum(dir, "-maxdepth 1 -name 'entry-*'");
    }

    /** The same for every file {@code find . <selection>} names below {@code dir}. */
    static double[] sha512sum(Path dir, String selection) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT='%U %S'; time"
                + " (find . " + selection + " -print0 | xargs -0 sha512sum > /dev/null)"));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("sha512sum failed: " + out);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String[] times = out.lines().reduce((a, b) -> b).orElse("0 0").trim().split("\\s+");
        return new double[] {wall, Double.parseDouble(times[0]) + Double.parseDouble(times[1])};
    }
}
