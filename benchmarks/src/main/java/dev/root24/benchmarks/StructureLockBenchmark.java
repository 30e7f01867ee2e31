package dev.root24.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.root24.structure.StructureLock;
import dev.root24.structure.StructurePolicy;

/**
 * The root24Lock check on 24 modules with 1,000 files below them (the baseline) against the same
 * with 100,000 files: the check reads the root and the required entries only, so the two should
 * cost about the same. A full recursive walk of each tree is measured beside it to show what a
 * check that looked below the modules would cost.
 */
public final class StructureLockBenchmark {

    public static void main(String[] args) throws Exception {
        Path small = Files.createTempDirectory("root24-bench-1k");
        Path large = Files.createTempDirectory("root24-bench-100k");
        try {
            generate(small, 1_000);
            generate(large, 100_000);
            StructureLock lock = new StructureLock(StructurePolicy.builder()
                    .requiredModuleEntries(List.of("module.yaml", "src/"))
                    .build());
            if (!lock.check(small).passed() || !lock.check(large).passed()) {
                throw new IllegalStateException("generated repositories must be compliant");
            }
            long checkSmall = Harness.medianNanos(200, 500, () -> lock.check(small));
            long checkLarge = Harness.medianNanos(200, 500, () -> lock.check(large));
            long walkSmall = Harness.medianNanos(3, 9, () -> count(small));
            long walkLarge = Harness.medianNanos(3, 9, () -> count(large));

            System.out.println("root24Lock check,   1,000 files below modules: " + Harness.millis(checkSmall));
            System.out.println("root24Lock check, 100,000 files below modules: " + Harness.millis(checkLarge));
            System.out.printf("ratio 100k/1k (should be about 1): %.2f%n", (double) checkLarge / checkSmall);
            System.out.println("full walk,          1,000 files: " + Harness.millis(walkSmall));
            System.out.println("full walk,        100,000 files: " + Harness.millis(walkLarge));
            System.out.printf("ratio full walk 100k / check 100k: %.0f%n", (double) walkLarge / checkLarge);
        } finally {
            delete(small);
            delete(large);
        }
    }

    private static void generate(Path root, int files) throws IOException {
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        List<String> modules = StructurePolicy.DEFAULT_MODULES;
        for (String module : modules) {
            Path dir = Files.createDirectories(root.resolve(module).resolve("src"));
            Files.writeString(root.resolve(module).resolve("module.yaml"), "name: " + module + "\n");
            Files.createDirectories(dir);
        }
        for (int i = 0; i < files; i++) {
            Path dir = root.resolve(modules.get(i % modules.size())).resolve("src").resolve("pkg" + (i / 1000));
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("F" + i + ".java"), "class F" + i + " {}\n");
        }
    }

    private static Long count(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.count();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
