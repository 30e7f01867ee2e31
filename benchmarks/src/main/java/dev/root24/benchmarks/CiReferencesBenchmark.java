package dev.root24.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.root24.ci.CiReferenceAnalyzer;
import dev.root24.ci.StaticAnalysis;
import dev.root24.ci.ToolSpec;
import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.YamlReader;

/**
 * The ciReferences rule's cost on a generated repository of 150 GitHub workflow files of 200 lines
 * each (10 tools, each expected in 15 of them), against baselines measured in the same run on
 * the same files: reading their bytes and decoding them as UTF-8, and parsing them with the
 * project's YamlReader. Run with ./mvnw -B -Pbenchmarks -pl benchmarks -am verify -DskipTests -Dinvoker.skip -Dbenchmark=CiReferencesBenchmark; prints a Markdown table.
 */
public final class CiReferencesBenchmark {

    static final int FILES = 150;
    static final int LINES = 200;
    static final int TOOLS = 10;
    static final int WARMUP = 15;
    static final int ROUNDS = 25;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("ci-references-bench");
        try {
            List<ToolSpec> tools = generate(root);
            List<Path> workflows;
            try (Stream<Path> files = Files.list(root.resolve(".github/workflows"))) {
                workflows = files.sorted().toList();
            }
            long bytes = 0;
            for (Path file : workflows) {
                bytes += Files.size(file);
            }
            // Cold: the first YAML parse in this JVM, then the first analysis, which loads the rule's
            // classes and the tree-sitter bash native (a script names a tool) on the way.
            YamlReader yaml = new YamlReader();
            long c0 = System.nanoTime();
            for (Path file : workflows) {
                yaml.read(file, file.getFileName().toString());
            }
            long c1 = System.nanoTime();
            CiReferenceAnalyzer analyzer = new CiReferenceAnalyzer(RepositoryRoot.of(root));
            StaticAnalysis check = analyzer.analyze(tools);
            long c2 = System.nanoTime();

            long[] read = new long[ROUNDS];
            long[] parse = new long[ROUNDS];
            long[] rule = new long[ROUNDS];
            long sink = 0;
            for (int round = -WARMUP; round < ROUNDS; round++) {
                // Interleaved so that machine noise hits all three alike.
                long t0 = System.nanoTime();
                for (Path file : workflows) {
                    sink += new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().count();
                }
                long t1 = System.nanoTime();
                for (Path file : workflows) {
                    sink += yaml.read(file, file.getFileName().toString()).line();
                }
                long t2 = System.nanoTime();
                sink += analyzer.analyze(tools).score();
                long t3 = System.nanoTime();
                if (round >= 0) {
                    read[round] = t1 - t0;
                    parse[round] = t2 - t1;
                    rule[round] = t3 - t2;
                }
            }
            double readMs = median(read);
            double parseMs = median(parse);
            double ruleMs = median(rule);
            System.out.printf(Locale.ROOT, "Repository: %d workflow files x %d lines (%.1f MB), %d tools x %d references; "
                    + "phase score %d; %d warm-up + %d measured rounds; Java %s, %d CPUs.%n%n",
                    FILES, LINES, bytes / 1e6, TOOLS, FILES / TOOLS, check.score(), WARMUP, ROUNDS,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| what | median ms | p90 ms | ratio to plain read |");
            System.out.println("| --- | ---: | ---: | ---: |");
            row("plain read + UTF-8 decode (baseline)", read, readMs);
            row("YamlReader parse of every file", parse, readMs);
            row("ciReferences analysis (rule logic)", rule, readMs);
            System.out.printf(Locale.ROOT, "%nRule / YAML parse: %.2f. (checksum %d)%n", ruleMs / parseMs, sink % 10);
            System.out.printf(Locale.ROOT, "Cold (first run in this JVM, parser start-up included): YAML parse %.1f ms, "
                    + "rule analysis %.1f ms, ratio %.2f.%n", (c1 - c0) / 1e6, (c2 - c1) / 1e6, (double) (c2 - c1) / (c1 - c0));
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void row(String what, long[] nanos, double baselineMs) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |%n", what, median(nanos), p90(nanos), median(nanos) / baselineMs);
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    static double p90(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) Math.ceil(s.length * 0.9) - 1] / 1e6;
    }

    /**
     * 150 workflows of exactly 200 lines: jobs of steps with names, comments and multi-line run
     * blocks. Tool t is expected in workflows t, t+10, t+20...; it is really run (in the last
     * step, so the whole file is read) in two of every three, and only mentioned in a comment in
     * the rest.
     */
    static List<ToolSpec> generate(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve(".github/workflows"));
        List<List<String>> referencedBy = new ArrayList<>();
        for (int t = 0; t < TOOLS; t++) {
            Files.createDirectories(root.resolve("12_tooling/scripts"));
            Files.writeString(root.resolve("12_tooling/scripts/tool_" + t + ".sh"), "#!/bin/sh\n");
            referencedBy.add(new ArrayList<>());
        }
        for (int f = 0; f < FILES; f++) {
            int tool = f % TOOLS;
            String name = "ci_" + f + ".yml";
            referencedBy.get(tool).add(".github/workflows/" + name);
            List<String> lines = new ArrayList<>();
            lines.add("name: workflow " + f);
            lines.add("on:");
            lines.add("  push:");
            lines.add("jobs:");
            int job = 0;
            while (lines.size() < LINES - 12) {
                lines.add("  job_" + job++ + ":");
                lines.add("    runs-on: ubuntu-latest");
                lines.add("    steps:");
                lines.add("      - uses: actions/checkout@v4");
                for (int s = 0; s < 4 && lines.size() < LINES - 14; s++) {
                    lines.add("      - name: step " + s + " of job " + job);
                    lines.add("        # build and test, see docs/ci.md");
                    lines.add("        run: |");
                    lines.add("          set -euo pipefail");
                    lines.add("          ./mvnw -B -ntp verify -Dstep=" + s);
                    lines.add("          echo \"done with step " + s + "\"");
                }
            }
            lines.add("  tool:");
            lines.add("    runs-on: ubuntu-latest");
            lines.add("    steps:");
            lines.add("      - uses: actions/checkout@v4");
            lines.add("      - name: run tool " + tool);
            lines.add("        run: |");
            lines.add("          set -e");
            boolean wired = f % 3 != 2;
            lines.add("          " + (wired ? "" : "# ") + "bash 12_tooling/scripts/tool_" + tool + ".sh --strict");
            while (lines.size() < LINES) {
                lines.add("          echo padding");
            }
            Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        }
        List<ToolSpec> tools = new ArrayList<>();
        for (int t = 0; t < TOOLS; t++) {
            tools.add(new ToolSpec("tool_" + t, "12_tooling/scripts/tool_" + t + ".sh", referencedBy.get(t), 10, ""));
        }
        return tools;
    }
}
