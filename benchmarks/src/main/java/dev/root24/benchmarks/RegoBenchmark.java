package dev.root24.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import dev.root24.rego.MigrationPlan;
import dev.root24.rego.RegoMigration;
import dev.root24.rego.RegoPackageCheck;
import dev.root24.rego.RegoPolicy;
import dev.root24.rego.RegoReport;
import dev.root24.rego.V1Syntax;

/**
 * regoPackages / rego-migrate cost, as ratios against a baseline measured in the same run: just
 * reading the same files' bytes and decoding them as UTF-8. Run from the repository root after
 * a build: see docs/benchmarks.md.
 */
public final class RegoBenchmark {

    private static final String POLICY = """
            # generated policy %d
            package ssid.01ailayer.v6_0.p%d

            import future.keywords.in

            deny[msg] {
                some m in input.models
                not m.signed
                msg := sprintf("model %%s must be signed {", [m.name])
            }

            names := {n | some m in input.models; n := m.name}

            level = "high" {
                input.risk > 7
            } else = "low" {
                true
            }

            allow {
                count(deny) == 0
                template := `raw { text } # not a comment`
            }
            """;

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("benchmark.files", 2000);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path repo = Files.createTempDirectory("rego-bench");
        try {
            Path dir = repo.resolve("23_compliance/policies");
            Files.createDirectories(dir);
            long bytes = 0;
            for (int i = 0; i < files; i++) {
                byte[] content = String.format(POLICY, i, i).getBytes(StandardCharsets.UTF_8);
                Files.write(dir.resolve(String.format("01ailayer_policy_%05d.rego", i)), content);
                bytes += content.length;
            }
            RegoPolicy policy = RegoPolicy.builder().v1Syntax(V1Syntax.ERROR).build();
            RegoPackageCheck check = new RegoPackageCheck(policy);
            RegoMigration migration = new RegoMigration(policy, true);
            // warm up all three paths
            for (int i = 0; i < 10; i++) {
                readAll(dir);
                check.check(repo);
                migration.plan(repo);
            }
            long read = Long.MAX_VALUE;
            long checked = Long.MAX_VALUE;
            long planned = Long.MAX_VALUE;
            int findings = 0;
            int changes = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                readAll(dir);
                long t1 = System.nanoTime();
                RegoReport report = check.check(repo);
                long t2 = System.nanoTime();
                MigrationPlan plan = migration.plan(repo);
                long t3 = System.nanoTime();
                read = Math.min(read, t1 - t0);
                checked = Math.min(checked, t2 - t1);
                planned = Math.min(planned, t3 - t2);
                findings = report.findings().size();
                changes = plan.changes().size();
            }
            System.out.printf("files=%d bytes=%d findings=%d changes=%d%n", files, bytes, findings, changes);
            System.out.printf("baseline read+decode: %.1f ms (best of %d)%n", read / 1e6, rounds);
            System.out.printf("regoPackages check:   %.1f ms  ratio %.2f%n", checked / 1e6, (double) checked / read);
            System.out.printf("rego-migrate plan:    %.1f ms  ratio %.2f%n", planned / 1e6, (double) planned / read);
        } finally {
            try (Stream<Path> walk = Files.walk(repo)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long readAll(Path dir) throws Exception {
        long chars = 0;
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                chars += StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(p))).length();
            }
        }
        return chars;
    }
}
