package dev.root24.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Root24's cold-start cost as a user meets it: the real {@code mvn validate} of an SSID-size
 * repository (24 locked modules, the SSID report's seven tools and their CI files) with
 * {@code root24Lock} and {@code ciReferences}, against the same build with {@code -Denforcer.skip}
 * (the baseline: same JVM start, same POM, same plugin realm, no rule runs), round by round
 * interleaved and alternating which of the pair goes first, so drift on a shared machine hits both.
 *
 * <p>Two repositories: {@code inline} configures the rules in the POM and has no policy file (what
 * must load no YAML policy stack and no schema validator); {@code policy} is
 * {@code examples/ssid-repository}, whose rules read {@code 23_compliance/policies/root24-policy.yaml}.
 *
 * <p>Maven is the wrapper's (the project's {@code ./mvnw}); the root24 artifacts just built are
 * copied into a private temporary local repository, which resolves everything else from the user's
 * local repository through a {@code file:} mirror: nothing is installed into {@code ~/.m2}.
 *
 * <p>System properties: {@code benchmark.projectRoot} (the checkout; set by the POM),
 * {@code benchmark.rounds} (default 5), {@code benchmark.mavenOpts} (added to {@code MAVEN_OPTS},
 * e.g. {@code -Xlog:class+load:file=/tmp/cl.txt} to count classes), {@code benchmark.keep}
 * ({@code true} keeps the temporary directory and prints it, to profile a build by hand).
 */
public final class ColdStartBenchmark {

    private static final String[] MODULES = {"01_ai_layer", "02_audit_logging", "03_core", "04_deployment",
            "05_documentation", "06_data_pipeline", "07_governance_legal", "08_identity_score", "09_meta_identity",
            "10_interoperability", "11_test_simulation", "12_tooling", "13_ui_layer", "14_zero_time_auth",
            "15_infra", "16_codex", "17_observability", "18_data_layer", "19_adapters", "20_foundation",
            "21_post_quantum_crypto", "22_datasets", "23_compliance", "24_meta_orchestration"};

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("benchmark.projectRoot", ".")).toAbsolutePath().normalize();
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        String extraOpts = System.getProperty("benchmark.mavenOpts", "");
        boolean keep = Boolean.getBoolean("benchmark.keep");
        String version = System.getProperty("benchmark.version", "0.1.0-SNAPSHOT");

        Path work = Files.createTempDirectory("root24-coldstart");
        try {
            Path mavenHome = mavenHome(project);
            Path repo = Files.createDirectories(work.resolve("repo"));
            Path settings = writeSettings(work, Path.of(System.getProperty("user.home"), ".m2", "repository"));
            seed(repo, project, version);

            Map<String, Path> cases = new LinkedHashMap<>();
            cases.put("inline (no policy file)", inlineRepository(work.resolve("inline"), version));
            cases.put("policy file (examples/ssid-repository)", policyRepository(project, work.resolve("policy"), version));

            Runner mvn = new Runner(mavenHome.resolve("bin/mvn"), repo, settings, extraOpts, work.resolve("logs"));
            // Warm-up: the first runs copy the plugins into the private repository (online, from the
            // file: mirror) and warm the page cache; then everything runs offline.
            for (Path dir : cases.values()) {
                mvn.run(dir, false, false);
                mvn.run(dir, true, true);
                mvn.run(dir, false, true);
            }
            System.out.printf("Maven %s, %d rounds, java %s, %d CPUs%n", mavenHome.getFileName(), rounds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| repository | enforcer.skip (baseline) median | with Root24 median | ratio | marginal (median of paired differences) |");
            System.out.println("| --- | ---: | ---: | ---: | ---: |");
            for (Map.Entry<String, Path> c : cases.entrySet()) {
                long[] off = new long[rounds];
                long[] on = new long[rounds];
                long[] diff = new long[rounds];
                for (int r = 0; r < rounds; r++) {
                    if (r % 2 == 0) {
                        off[r] = mvn.run(c.getValue(), true, true);
                        on[r] = mvn.run(c.getValue(), false, true);
                    } else {
                        on[r] = mvn.run(c.getValue(), false, true);
                        off[r] = mvn.run(c.getValue(), true, true);
                    }
                    diff[r] = on[r] - off[r];
                }
                long offMedian = median(off);
                long onMedian = median(on);
                System.out.printf("| %s | %.2f s | %.2f s | %.2f | %.2f s |%n", c.getKey(), offMedian / 1e9,
                        onMedian / 1e9, (double) onMedian / offMedian, median(diff) / 1e9);
            }
        } finally {
            if (keep) {
                System.out.println("kept " + work);
            } else {
                delete(work);
            }
        }
    }

    /** Runs {@code mvn validate} and returns its wall time; fails on a failed build. */
    private record Runner(Path mvn, Path repo, Path settings, String extraOpts, Path logs) {

        long run(Path dir, boolean skip, boolean offline) throws IOException, InterruptedException {
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "-s", settings.toString(),
                    "-Dmaven.repo.local=" + repo, "validate"));
            if (offline) {
                command.add("-o");
            }
            if (skip) {
                command.add("-Denforcer.skip");
            }
            Path log = logs.resolve(dir.getFileName() + (skip ? "-skip" : "-on") + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            String opts = pb.environment().getOrDefault("MAVEN_OPTS", "");
            pb.environment().put("MAVEN_OPTS", (opts + " " + extraOpts).trim());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("mvn validate did not finish in 5 minutes: " + log);
            }
            long elapsed = System.nanoTime() - start;
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !out.contains("BUILD SUCCESS")) {
                throw new IllegalStateException("mvn validate failed in " + dir + ", see " + log);
            }
            // The baseline must not run the rules, and the measured build must: else the
            // comparison measures nothing.
            boolean ran = out.contains("Rule 0: dev.root24") || out.contains("ciReferences")
                    || out.contains("root24Lock");
            if (skip == ran) {
                throw new IllegalStateException((skip ? "the rules ran despite -Denforcer.skip" : "the rules did not run")
                        + ", see " + log);
            }
            return elapsed;
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The Maven home the wrapper uses, as {@code mvnw --version} reports it. */
    private static Path mavenHome(Path project) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(project.resolve("mvnw").toString(), "--version").directory(project.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mvnw --version failed:\n" + out);
        }
        return out.lines().filter(l -> l.startsWith("Maven home: ")).findFirst()
                .map(l -> Path.of(l.substring("Maven home: ".length()).trim()))
                .orElseThrow(() -> new IllegalStateException("no Maven home in:\n" + out));
    }

    private static Path writeSettings(Path work, Path userRepo) throws IOException {
        String settings = """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-local-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(userRepo.toUri());
        return Files.writeString(work.resolve("settings.xml"), settings);
    }

    /** Copies the freshly built root24 artifacts into the private repository, as an install would. */
    private static void seed(Path repo, Path project, String version) throws IOException {
        Path base = repo.resolve("dev/root24");
        copy(project.resolve("pom.xml"), base.resolve("root24-parent/" + version + "/root24-parent-" + version + ".pom"));
        for (String[] m : new String[][] {{"enforcer-rules", "root24-enforcer-rules"}, {"maven-plugin", "root24-maven-plugin"}}) {
            Path dir = base.resolve(m[1] + "/" + version);
            copy(project.resolve(m[0] + "/pom.xml"), dir.resolve(m[1] + "-" + version + ".pom"));
            Path jar = project.resolve(m[0] + "/target/" + m[1] + "-" + version + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build with -am (package) first");
            }
            copy(jar, dir.resolve(m[1] + "-" + version + ".jar"));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path policyRepository(Path project, Path to, String version) throws IOException {
        Path from = project.resolve("examples/ssid-repository");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path pom = to.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replaceFirst("<root24.version>[^<]*</root24.version>",
                "<root24.version>" + version + "</root24.version>"));
        return to;
    }

    /** The 24 modules and the SSID report's seven tools, every reference wired (as src/it/_shared/ci-seed.groovy). */
    private static Path inlineRepository(Path to, String version) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String module : MODULES) {
            files.put(module + "/module.yaml", "name: " + module + "\n");
        }
        files.put(".mvn/maven.config", "--no-transfer-progress\n");
        files.put("12_tooling/scripts/structure_guard.sh",
                "#!/usr/bin/env bash\nEXCEPTIONS=23_compliance/exceptions/root_level_exceptions.yaml\n");
        files.put("23_compliance/policies/structure_policy.yaml", "package: structure\n");
        files.put("23_compliance/exceptions/root_level_exceptions.yaml", "root_level_exceptions: {}\n");
        files.put("24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py",
                "EXCEPTIONS = \"23_compliance/exceptions/root_level_exceptions.yaml\"\n");
        files.put("23_compliance/tests/unit/test_structure_policy_vs_md.py", "def test_policy():\n    assert True\n");
        files.put("23_compliance/tests/integration/test_opa_structure.py",
                "POLICY = \"23_compliance/policies/structure_policy.yaml\"\n");
        files.put("02_audit_logging/worm_storage/worm_storage_engine.py", "class WormStorage:\n    pass\n");
        files.put("02_audit_logging/evidence_trails/integrated_audit_trail.py",
                "ENGINE = '02_audit_logging/worm_storage/worm_storage_engine.py'\n");
        files.put("11_test_simulation/tests/unit/test_registry_logic.py",
                "from pathlib import Path\nENGINE = Path(\"02_audit_logging\") / \"worm_storage\" / \"worm_storage_engine.py\"\n");
        files.put("12_tooling/hooks/pre_commit/config.yaml", """
                repos:
                  - repo: local
                    hooks:
                      - id: lock-gate
                        entry: python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
                        language: system
                """);
        files.put(".github/workflows/ci_structure_guard.yml", """
                on:
                  push:
                jobs:
                  guard:
                    runs-on: ubuntu-latest
                    steps:
                      - name: structure_lock_l3.py
                        run: |
                          bash 12_tooling/scripts/structure_guard.sh
                          python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
                """);
        files.put(".github/workflows/ci_enforcement_gate.yml", """
                on: [push, pull_request]
                jobs:
                  gate:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ./12_tooling/scripts/structure_guard.sh
                      - run: pytest -q 23_compliance/tests/unit/test_structure_policy_vs_md.py
                      - if: always()
                        run: |
                          opa eval -d 23_compliance/policies/structure_policy.yaml data
                          python 24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py
                          pre-commit run --config 12_tooling/hooks/pre_commit/config.yaml
                """);
        files.put(".github/workflows/pre-commit.yml", """
                on: pull_request
                jobs:
                  hooks:
                    runs-on: ubuntu-latest
                    steps:
                      - run: pre-commit run --all-files --config 12_tooling/hooks/pre_commit/config.yaml
                """);
        files.put(".github/workflows/ci_opa_structure.yml", """
                on: push
                jobs:
                  opa:
                    runs-on: ubuntu-latest
                    steps:
                      - name: opa eval 23_compliance/policies/structure_policy.yaml
                        run: opa eval -d 23_compliance/policies/structure_policy.yaml data
                """);
        files.put(".github/workflows/ci_pytest_compliance.yml", """
                on: push
                jobs:
                  pytest:
                    runs-on: ubuntu-latest
                    steps:
                      - run: python -m pytest 23_compliance/tests/unit/test_structure_policy_vs_md.py
                """);
        files.put("pytest.ini", "[pytest]\naddopts = 23_compliance/tests/unit/test_structure_policy_vs_md.py\n");
        files.put("pom.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.root24.benchmarks</groupId>
                  <artifactId>coldstart-inline</artifactId>
                  <version>1.0</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-enforcer-plugin</artifactId>
                        <version>3.7.0</version>
                        <dependencies>
                          <dependency>
                            <groupId>dev.root24</groupId>
                            <artifactId>root24-enforcer-rules</artifactId>
                            <version>%s</version>
                          </dependency>
                        </dependencies>
                        <executions>
                          <execution>
                            <id>root24</id>
                            <goals><goal>enforce</goal></goals>
                            <configuration>
                              <rules>
                                <root24Lock>
                                  <requiredModuleEntries><entry>module.yaml</entry></requiredModuleEntries>
                                  <ignore><pattern>pytest.ini</pattern></ignore>
                                </root24Lock>
                                <ciReferences>
                                  <preset>ssid</preset>
                                  <minScore>100</minScore>
                                </ciReferences>
                              </rules>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = to.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue().stripLeading(), StandardCharsets.UTF_8);
        }
        return to;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
