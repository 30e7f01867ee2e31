package dev.root24.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.root24.org.FileRepository;
import dev.root24.org.OrgReportFiles;
import dev.root24.org.OrgReportHtml;
import dev.root24.org.OrgReporter;
import dev.root24.org.OrgStatus;
import dev.root24.org.ProjectCoordinates;
import dev.root24.org.VerificationCache;
import dev.root24.score.Tier;
import dev.root24.score.TierThresholds;
import dev.root24.site.ScoreChart;
import dev.root24.worm.CertificationClaims;
import dev.root24.worm.CertificationRecord;
import dev.root24.worm.CertificationVerifier;
import dev.root24.worm.PemKeys;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.Signer;
import dev.root24.worm.WormStore;

/**
 * root24:org-report at organisation scale: {@code projects} × {@code certifications} signed
 * entries (ML-DSA-44 + Ed25519) in a file repository's layout, generated once into
 * {@code target/org-bench} (not measured). Measured: a full report (every chain verified, every
 * page rendered, the cache filled), and a rerun after 10 new certifications with that cache;
 * both against {@code sha512sum} over the same files, with a warm page cache. Chains are read
 * from the repository directories in place ({@link FileRepository}); the goal resolves them with
 * Maven Resolver instead, whose copying is not measured here.
 */
public final class OrgReportBenchmark {

    private static final String POLICY = "a".repeat(64);

    public static void main(String[] args) throws Exception {
        int projects = Integer.getInteger("benchmark.projects", 1000);
        int certifications = Integer.getInteger("benchmark.certifications", 50);
        Path work = Path.of(System.getProperty("benchmark.dir", "target/org-bench")).toAbsolutePath();
        Path repo = work.resolve("repo-" + projects + "x" + certifications);
        Path keys = work.resolve("keys");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("cores %d, max heap %d MB%n", cores, Runtime.getRuntime().maxMemory() >> 20);

        if (!Files.isDirectory(keys)) {
            PemKeys.writeKeyPairs(keys, "org", List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519));
        }
        Path privateKey = keys.resolve("org.key.pem");
        Signer signer = Signer.of(PemKeys.readPrivateKeys(privateKey), List.of(), "benchmark");
        var trusted = PemKeys.readPublicKeys(keys.resolve("org.pub.pem"));
        List<ProjectCoordinates> list = new ArrayList<>();
        for (int i = 0; i < projects; i++) {
            list.add(new ProjectCoordinates("com.acme.team" + (i % 40), "service-" + i));
        }
        Path complete = repo.resolve(".complete");
        if (!Files.exists(complete)) {
            long start = System.nanoTime();
            generate(repo, work.resolve("stores"), list, certifications, signer, cores);
            Files.writeString(complete, "");
            System.out.printf("generated %,d entries in %.0f s%n", projects * certifications, (System.nanoTime() - start) / 1e9);
        }
        FileRepository repository = new FileRepository(repo);
        List<ProjectCoordinates> changed = list.subList(0, Math.min(10, list.size()));
        for (ProjectCoordinates p : changed) {
            delete(versionDir(repo, p, "2.0"));
        }

        var requirements = new CertificationVerifier.Requirements(trusted, Set.of(SignatureAlgorithm.ML_DSA_44,
                SignatureAlgorithm.ED25519), POLICY, List.of("scoring"), Tier.NONE, Duration.ofDays(3650), false);
        Path cacheDir = work.resolve("cache");
        Path out = work.resolve("org-report");
        double sha = WormBenchmark.sha512sum(repo, "-name '*.dsse.json'")[0]; // warms the page cache for both
        sha = Math.min(sha, WormBenchmark.sha512sum(repo, "-name '*.dsse.json'")[0]);
        long bytes;
        try (Stream<Path> files = Files.walk(repo)) {
            bytes = files.filter(f -> f.toString().endsWith(".dsse.json")).mapToLong(f -> f.toFile().length()).sum();
        }

        delete(cacheDir);
        double cpu0 = cpuSeconds();
        long start = System.nanoTime();
        OrgReporter.Result full = report(requirements, cacheDir, keys, cores, list, repository, out);
        double fullS = (System.nanoTime() - start) / 1e9;
        double fullCpu = cpuSeconds() - cpu0;
        check(full, projects, projects, OrgStatus.OK);

        for (ProjectCoordinates p : changed) {
            byte[] entry = repository.chain(p, Clock.systemUTC()).append(record(p, "2.0", certifications), signer).envelope();
            Path f = versionDir(repo, p, "2.0").resolve(p.artifactId() + "-2.0-root24-certification.dsse.json");
            Files.createDirectories(f.getParent());
            Files.write(f, entry);
        }
        double cpu1 = cpuSeconds();
        start = System.nanoTime();
        OrgReporter.Result rerun = report(requirements, cacheDir, keys, cores, list, repository, out);
        double rerunS = (System.nanoTime() - start) / 1e9;
        double rerunCpu = cpuSeconds() - cpu1;
        check(rerun, projects, changed.size(), OrgStatus.OK);

        System.out.printf("| %,d projects × %d certifications (%,d entries, %.0f MB) | sha512sum %.2f s | full %.2f s (%.1f ×) |"
                + " rerun after %d new %.2f s (%.1f × sha512sum, %.3f × full) |%n", projects, certifications,
                projects * certifications, bytes / 1e6, sha, fullS, fullS / sha, changed.size(), rerunS, rerunS / sha,
                rerunS / fullS);
        // The machine is shared: CPU time says what the run costs whatever else is running.
        System.out.printf("CPU time: full %.1f s, rerun %.1f s; load average %.1f%n", fullCpu, rerunCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (ProjectCoordinates p : changed) {
            delete(versionDir(repo, p, "2.0"));
        }
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static OrgReporter.Result report(CertificationVerifier.Requirements requirements, Path cacheDir, Path keys,
            int cores, List<ProjectCoordinates> list, FileRepository repository, Path out) throws Exception {
        VerificationCache cache = VerificationCache.open(cacheDir, keys.resolve("cache.key"));
        OrgReporter.Result result = new OrgReporter(requirements, cache, cores, Clock.systemUTC()).run(list,
                p -> repository.deployed(p, Clock.systemUTC()), "benchmark policy");
        OrgReportFiles.write(result.report(), new OrgReportHtml(new ScoreChart(TierThresholds.DEFAULT)), out);
        return result;
    }

    private static void check(OrgReporter.Result result, int projects, int verified, OrgStatus expected) {
        if (result.report().count(expected) != projects || result.verified() != verified) {
            throw new IllegalStateException("unexpected result: " + result.report().count(expected) + " " + expected
                    + ", " + result.verified() + " verified, first " + result.report().rows().get(0));
        }
    }

    private static CertificationRecord record(ProjectCoordinates p, String version, int n) {
        int score = 60 + n % 40;
        CertificationClaims claims = new CertificationClaims(p + ":" + version, false,
                new CertificationClaims.Policy("classpath:root24/acme-policy.yaml", "com.acme:acme-root24-policy:1.0.0",
                        POLICY, "b".repeat(64), List.of("scoring")), List.of(), List.of(), List.of());
        return new CertificationRecord(p.toString(), null, ("{\"run\":" + n + "}").getBytes(StandardCharsets.UTF_8), score,
                score >= 85 ? "GOLD" : score >= 70 ? "SILVER" : "BRONZE",
                Map.of("static_analysis", score, "dynamic_execution", 100, "audit_proof", 91), "sha256:" + "b".repeat(64),
                "bench", claims);
    }

    private static Path versionDir(Path repo, ProjectCoordinates p, String version) {
        return repo.resolve(p.groupId().replace('.', '/')).resolve(p.artifactId()).resolve(version);
    }

    /** Each project's chain built in a directory store (no fsync), its entries deployed as versions 1.0, 1.1, ... */
    private static void generate(Path repo, Path stores, List<ProjectCoordinates> list, int certifications, Signer signer,
            int cores) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ProjectCoordinates p : list) {
                futures.add(pool.submit(() -> {
                    Path store = stores.resolve(p.toString().replace(':', '_'));
                    delete(store);
                    WormStore chain = WormStore.open(store, WormStore.Durability.NO_FSYNC, Clock.systemUTC());
                    for (int n = 0; n < certifications; n++) {
                        String version = "1." + n;
                        Path f = versionDir(repo, p, version).resolve(p.artifactId() + "-" + version
                                + "-root24-certification.dsse.json");
                        Files.createDirectories(f.getParent());
                        Files.write(f, chain.append(record(p, version, n), signer).envelope());
                    }
                    delete(store);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void delete(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
