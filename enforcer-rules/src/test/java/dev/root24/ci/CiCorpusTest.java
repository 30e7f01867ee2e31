package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression corpus under {@code src/test/resources/ci/corpus} (see its README): each file is
 * one route, its name the expected status, its optional {@code # detail:} first line the reason.
 */
class CiCorpusTest {

    static final String TOOL = "tools/gate.sh";

    /** Where a case of each directory is installed in the scratch repository. */
    static final Map<String, String> INSTALLED_AS = Map.of(
            "github", ".github/workflows/",
            "action", ".github/actions/gate/action.yml",
            "pre-commit", ".pre-commit-config.yaml",
            "gitlab", ".gitlab-ci.yml",
            "other", "ci/");

    @TempDir
    Path root;

    static Path corpus() throws URISyntaxException {
        return Path.of(CiCorpusTest.class.getResource("/ci/corpus").toURI());
    }

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path corpus = corpus();
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> corpus.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.contains("/"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseHasItsExpectedOutcome(String name) throws Exception {
        String directory = name.substring(0, name.indexOf('/'));
        String fileName = name.substring(name.indexOf('/') + 1);
        String target = INSTALLED_AS.get(directory);
        assertThat(target).as("corpus directory %s has an install location", directory).isNotNull();
        if (target.endsWith("/")) {
            target += fileName;
        }
        String content = Files.readString(corpus().resolve(name), StandardCharsets.UTF_8);
        String toolPath = content.lines().limit(3).filter(l -> l.startsWith("# tool: ")).findFirst()
                .map(l -> l.substring("# tool: ".length()).strip()).orElse(TOOL);
        SeedRepository.write(root, toolPath, "#!/bin/sh\nexit 1\n");
        SeedRepository.write(root, target, content);

        ToolSpec tool = new ToolSpec("gate", toolPath, List.of(target), 10, "");
        ReferenceResult result = new CiReferenceAnalyzer(RepositoryRoot.of(root)).analyze(List.of(tool)).tools().get(0)
                .references().get(0);

        assertThat(result.status()).as("%s: %s", name, result.detail()).isEqualTo(expectedStatus(fileName));
        String firstLine = content.lines().findFirst().orElse("");
        if (firstLine.startsWith("# detail: ")) {
            assertThat(result.detail()).as(name).contains(firstLine.substring("# detail: ".length()));
        }
        // A reason never quotes the file: the tool path appears only as the place it was found.
        assertThat(result.detail()).as(name).doesNotContain(toolPath);
    }

    static ReferenceStatus expectedStatus(String fileName) {
        if (fileName.startsWith("found--")) {
            return ReferenceStatus.FOUND;
        }
        if (fileName.startsWith("not-referenced--")) {
            return ReferenceStatus.NOT_REFERENCED;
        }
        if (fileName.startsWith("parse-error--")) {
            return ReferenceStatus.PARSE_ERROR;
        }
        throw new AssertionError(fileName + " does not start with found--, not-referenced-- or parse-error--");
    }

    /** The multi-file cases under {@code ci/repos}: one directory each, see the corpus README. */
    static Stream<String> repositoryCases() throws IOException, URISyntaxException {
        Path repos = Path.of(CiCorpusTest.class.getResource("/ci/repos").toURI());
        try (Stream<Path> dirs = Files.list(repos)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repositoryCases")
    void everyRepositoryCaseHasItsExpectedOutcome(String name) throws Exception {
        Path source = Path.of(CiCorpusTest.class.getResource("/ci/repos/" + name).toURI());
        String referencedBy = null;
        String detail = null;
        Integer expectedLine = null;
        SeedRepository.write(root, TOOL, "#!/bin/sh\nexit 1\n");
        List<String> links = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(source.resolve("CASE"), StandardCharsets.UTF_8)) {
            if (line.startsWith("referencedBy: ")) {
                referencedBy = line.substring("referencedBy: ".length()).strip();
            } else if (line.startsWith("detail: ")) {
                detail = line.substring("detail: ".length());
            } else if (line.startsWith("line: ")) {
                expectedLine = Integer.valueOf(line.substring("line: ".length()).strip());
            } else if (line.startsWith("link: ")) {
                links.add(line.substring("link: ".length()));
            }
        }
        assertThat(referencedBy).as("%s/CASE names the referencing file", name).isNotNull();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = source.relativize(file).toString().replace('\\', '/');
                if (!relative.equals("CASE")) {
                    // Resources keep no dot-files: a segment "_x" is installed as ".x".
                    String installed = relative.replaceAll("(^|/)_", "$1.");
                    SeedRepository.write(root, installed, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        for (String link : links) {
            String[] parts = link.split(" -> ");
            Path at = root.resolve(parts[0]);
            Files.createDirectories(at.getParent());
            Files.deleteIfExists(at);
            Files.createSymbolicLink(at, Path.of(parts[1]));
        }
        ToolSpec tool = new ToolSpec("gate", TOOL, List.of(referencedBy), 10, "");
        ReferenceResult result = new CiReferenceAnalyzer(RepositoryRoot.of(root)).analyze(List.of(tool)).tools().get(0)
                .references().get(0);

        assertThat(result.status()).as("%s: %s", name, result.detail()).isEqualTo(expectedStatus(name));
        if (detail != null) {
            assertThat(result.detail()).as(name).contains(detail);
        }
        if (expectedLine != null) {
            // The line of the listed file a code-scanning result is shown on.
            assertThat(result.line()).as("%s: reported line in %s", name, referencedBy).isEqualTo(expectedLine);
        }
        // Nothing quotes a followed file either; "no mention of <tool>" names the configured tool.
        assertThat(result.detail().replace("no mention of " + TOOL, "")).as(name).doesNotContain(TOOL);
    }

    @Test
    void theCorpusCoversEveryKindAndBothOutcomes() throws Exception {
        List<String> all = cases().toList();
        for (String directory : INSTALLED_AS.keySet()) {
            assertThat(all).as(directory).anyMatch(c -> c.startsWith(directory + "/found--"));
            assertThat(all).as(directory).anyMatch(c -> c.startsWith(directory + "/not-referenced--"));
        }
        assertThat(all).hasSizeGreaterThan(100);
    }
}
