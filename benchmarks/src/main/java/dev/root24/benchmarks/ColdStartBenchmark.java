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

import dev.root24.structure.StructurePolicy;

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
 * <p>Each repository also has {@code .mvn/floor/pom.xml}, the same build with the enforcer's own
 * {@code <alwaysPass/>} instead of the Root24 rules: what running any enforcer rule costs, so the
 * table shows how much of the marginal cost is Root24's own. With {@code benchmark.before} naming
 * a directory holding an earlier build's {@code root24-enforcer-rules-<version>.jar} and
 * {@code root24-maven-plugin-<version>.jar}, that build is measured in the same rounds, from a
 * second private repository, so before and after meet the same load.
 *
 * <p>System properties: {@code benchmark.projectRoot} (the checkout; set by the POM),
 * {@code benchmark.rounds} (default 5), {@code benchmark.mavenOpts} (added to {@code MAVEN_OPTS},
 * e.g. {@code -Xlog:class+load:file=/tmp/cl.txt} to count classes), {@code benchmark.keep}
 * ({@code true} keeps the temporary directory and prints it, to profile a build by hand).
 */
public final class ColdStartBenchmark {

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("benchmark.projectRoot", ".")).toAbsolutePath().normalize();
        int rounds = Integer.getInteger("benchmark.rounds", 5);
        String extraOpts = System.getProperty("benchmark.mavenOpts", "");
        boolean keep = Boolean.getBoolean("benchmark.keep");
        String version = System.getProperty("benchmark.version", "0.1.0-SNAPSHOT");
        String before = System.getProperty("benchmark.before", "");

        Path work = Files.createTempDirectory("root24-coldstart");
        try {
            Path mavenHome = mavenHome(project);
            Path repo = Files.createDirectories(work.resolve("repo"));
            Path settings = writeSettings(work, Path.of(System.getProperty("user.home"), ".m2", "repository"));
            seed(repo, project, version, project.resolve("enforcer-rules/target"), project.resolve("maven-plugin/target"));
            Path beforeRepo = null;
            if (!before.isBlank()) {
                beforeRepo = Files.createDirectories(work.resolve("repo-before"));
                seed(beforeRepo, project, version, Path.of(before), Path.of(before));
            }

            Map<String, Path> cases = new LinkedHashMap<>();
            cases.put("inline (no policy file)", inlineRepository(work.resolve("inline"), version));
            cases.put("policy file (examples/ssid-repository)", policyRepository(project, work.resolve("policy"), version));

            Runner mvn = new Runner(mavenHome.resolve("bin/mvn"), repo, settings, extraOpts, work.resolve("logs"));
            Runner old = beforeRepo == null ? null
                    : new Runner(mavenHome.resolve("bin/mvn"), beforeRepo, settings, extraOpts, work.resolve("logs-before"));
            // Warm-up: the first runs copy the plugins into the private repository (online, from the
            // file: mirror) and warm the page cache; then everything runs offline.
            for (Path dir : cases.values()) {
                for (Runner r : old == null ? List.of(mvn) : List.of(mvn, old)) {
                    r.run(dir, Mode.ROOT24, false);
                    r.run(dir, Mode.SKIP, true);
                    r.run(dir, Mode.FLOOR, true);
                    r.run(dir, Mode.ROOT24, true);
                }
            }
            System.out.printf("%s, %d rounds, java %s, %d CPUs%n", mvn.version(), rounds,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| repository | build | median wall | ratio | marginal wall | median CPU | ratio | marginal CPU |");
            System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Map.Entry<String, Path> c : cases.entrySet()) {
                List<String> names = new ArrayList<>(List.of("-Denforcer.skip (baseline)", "enforcer, `<alwaysPass/>` only",
                        "Root24 rules"));
                if (old != null) {
                    names.add("Root24 rules, before");
                }
                Time[][] times = new Time[names.size()][rounds];
                for (int r = 0; r < rounds; r++) {
                    // A different order each round, so drift during a round does not favour one build.
                    int shift = r % names.size();
                    for (int k = 0; k < names.size(); k++) {
                        int which = (k + shift) % names.size();
                        Path dir = c.getValue();
                        times[which][r] = switch (which) {
                            case 0 -> mvn.run(dir, Mode.SKIP, true);
                            case 1 -> mvn.run(dir, Mode.FLOOR, true);
                            case 2 -> mvn.run(dir, Mode.ROOT24, true);
                            default -> old.run(dir, Mode.ROOT24, true);
                        };
                    }
                }
                for (int k = 0; k < names.size(); k++) {
                    System.out.printf("| %s | %s | %s | %s |%n", c.getKey(), names.get(k),
                            row(times[k], times[0], Time::wall, k == 0), row(times[k], times[0], Time::cpu, k == 0));
                }
            }
        } finally {
            if (keep) {
                System.out.println("kept " + work);
            } else {
                delete(work);
            }
        }
    }

    /** Which build of a repository: the rules skipped, the enforcer's own trivial rule, or the Root24 rules. */
    private enum Mode { SKIP, FLOOR, ROOT24 }

    /** Runs {@code mvn validate} and returns its wall time; fails on a failed build. */
    private record Runner(Path mvn, Path repo, Path settings, String extraOpts, Path logs) {

        String version() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(mvn.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().findFirst().orElse("Maven").replaceAll("\\s*\\(.*", "");
        }

        Time run(Path dir, Mode mode, boolean offline) throws IOException, InterruptedException {
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>(List.of("bash", "-c", "TIMEFORMAT='" + CPU_MARK + " %U %S'; time \"$@\"", "mvn",
                    mvn.toString(), "-B", "-ntp", "-s", settings.toString(), "-Dmaven.repo.local=" + repo, "validate"));
            if (offline) {
                command.add("-o");
            }
            if (mode == Mode.SKIP) {
                command.add("-Denforcer.skip");
            }
            if (mode == Mode.FLOOR) {
                command.addAll(List.of("-f", FLOOR_POM));
            }
            Path log = logs.resolve(dir.getFileName() + "-" + mode.name().toLowerCase(java.util.Locale.ROOT) + ".log");
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
            String cpu = out.lines().filter(l -> l.startsWith(CPU_MARK)).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("no CPU times in " + log));
            String[] userSystem = cpu.substring(CPU_MARK.length()).trim().split("\\s+");
            long cpuNanos = (long) ((Double.parseDouble(userSystem[0]) + Double.parseDouble(userSystem[1])) * 1e9);
            if (p.exitValue() != 0 || !out.contains("BUILD SUCCESS")) {
                List<String> lines = out.lines().toList();
                System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                throw new IllegalStateException("mvn validate failed in " + dir + ", see " + log);
            }
            // The baseline must not run the rules, and the measured build must: else the
            // comparison measures nothing.
            boolean ran = out.contains("Rule 0: dev.root24");
            boolean floor = out.contains("Rule 0: org.apache.maven.enforcer.rules.AlwaysPass");
            if (ran != (mode == Mode.ROOT24) || floor != (mode == Mode.FLOOR)) {
                throw new IllegalStateException("the " + mode + " build did not run the rules it should, see " + log);
            }
            return new Time(elapsed, cpuNanos);
        }
    }

    /** Wall time and CPU time (user + system, every thread of the build's JVM) of one build. */
    private record Time(long wall, long cpu) {}

    private static final String CPU_MARK = "root24-benchmark-cpu:";

    /** Median, ratio of medians to the baseline, and median of the paired differences (what the build adds). */
    private static String row(Time[] times, Time[] baseline, java.util.function.ToLongFunction<Time> what, boolean isBaseline) {
        long[] values = new long[times.length];
        long[] base = new long[times.length];
        long[] diff = new long[times.length];
        for (int r = 0; r < times.length; r++) {
            values[r] = what.applyAsLong(times[r]);
            base[r] = what.applyAsLong(baseline[r]);
            diff[r] = values[r] - base[r];
        }
        return String.format("%.2f s | %.2f | %s", median(values) / 1e9, (double) median(values) / median(base),
                isBaseline ? "" : String.format("%+.2f s", median(diff) / 1e9));
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

    /** Copies root24 artifacts (jars from the given directories) into a private repository, as an install would. */
    private static void seed(Path repo, Path project, String version, Path rulesJars, Path pluginJars) throws IOException {
        Path base = repo.resolve("dev/root24");
        copy(project.resolve("pom.xml"), base.resolve("root24-parent/" + version + "/root24-parent-" + version + ".pom"));
        for (String[] m : new String[][] {{"enforcer-rules", "root24-enforcer-rules"}, {"maven-plugin", "root24-maven-plugin"}}) {
            Path dir = base.resolve(m[1] + "/" + version);
            copy(project.resolve(m[0] + "/pom.xml"), dir.resolve(m[1] + "-" + version + ".pom"));
            Path jar = (m[0].equals("enforcer-rules") ? rulesJars : pluginJars).resolve(m[1] + "-" + version + ".jar");
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
        writeFloor(to);
        return to;
    }

    /** The 24 modules and the SSID report's seven tools, every reference wired (as src/it/_shared/ci-seed.groovy). */
    private static Path inlineRepository(Path to, String version) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String module : StructurePolicy.DEFAULT_MODULES) {
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
        writeFloor(to);
        return to;
    }

    /**
     * The repository's POM with the enforcer running only its own {@code <alwaysPass/>}; under
     * {@code .mvn/}, where root24Lock does not look, so both builds see the same repository root.
     */
    private static final String FLOOR_POM = ".mvn/floor/pom.xml";

    private static void writeFloor(Path repository) throws IOException {
        String pom = Files.readString(repository.resolve("pom.xml"));
        String floor = pom.replaceFirst("(?s)<rules>.*?</rules>", "<rules><alwaysPass/></rules>");
        if (floor.equals(pom)) {
            throw new IllegalStateException("no <rules> in " + repository.resolve("pom.xml"));
        }
        Path target = repository.resolve(FLOOR_POM);
        Files.createDirectories(target.getParent());
        Files.writeString(target, floor);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
