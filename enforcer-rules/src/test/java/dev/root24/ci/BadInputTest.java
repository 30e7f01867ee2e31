package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Referencing files that cannot be read count as not found, with the reason; configuration mistakes are errors. */
class BadInputTest {

    static final String TOOL = "12_tooling/scripts/structure_guard.sh";

    @TempDir
    Path root;

    StaticAnalysis analyse(String... referencedBy) throws Exception {
        SeedRepository.write(root, TOOL, "#!/bin/sh\n");
        return new CiReferenceAnalyzer(RepositoryRoot.of(root))
                .analyze(List.of(new ToolSpec("structure_guard", TOOL, List.of(referencedBy), 20, "")));
    }

    ReferenceResult only(String file) throws Exception {
        return analyse(file).tools().get(0).references().get(0);
    }

    @Test
    void malformed_yaml_is_a_parse_error_with_its_line() throws Exception {
        SeedRepository.write(root, ".github/workflows/bad.yml", "on: push\njobs:\n  guard:\n    steps: [\n      - run: x\n");
        ReferenceResult r = only(".github/workflows/bad.yml");
        assertThat(r.status()).isEqualTo(ReferenceStatus.PARSE_ERROR);
        assertThat(r.line()).isGreaterThan(0);
        assertThat(r.detail()).startsWith("invalid YAML").doesNotContain("\n");
    }

    @Test
    void duplicate_keys_are_a_parse_error() throws Exception {
        SeedRepository.write(root, ".github/workflows/dup.yml", "on: push\njobs: {}\njobs: {}\n");
        ReferenceResult r = only(".github/workflows/dup.yml");
        assertThat(r.status()).isEqualTo(ReferenceStatus.PARSE_ERROR);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.detail()).contains("duplicate key 'jobs'");
    }

    @Test
    void a_binary_file_is_unreadable() throws Exception {
        Files.createDirectories(root.resolve("bin"));
        Files.write(root.resolve("bin/tool"), new byte[] {'s', 't', 'r', 0, 1, 2, '\n', 'x'});
        ReferenceResult r = only("bin/tool");
        assertThat(r.status()).isEqualTo(ReferenceStatus.UNREADABLE);
        assertThat(r.detail()).contains("binary");
    }

    @Test
    void a_binary_yaml_file_is_unreadable() throws Exception {
        Files.createDirectories(root.resolve(".github/workflows"));
        Files.write(root.resolve(".github/workflows/x.yml"), new byte[] {'o', 'n', ':', 0, '\n'});
        assertThat(only(".github/workflows/x.yml").status()).isEqualTo(ReferenceStatus.UNREADABLE);
    }

    @Test
    void a_non_utf8_file_is_unreadable() throws Exception {
        Files.createDirectories(root.resolve("ci"));
        Files.write(root.resolve("ci/run.sh"), "echo caf\u00e9\nbash 12_tooling/scripts/structure_guard.sh\n".getBytes(StandardCharsets.ISO_8859_1));
        ReferenceResult r = only("ci/run.sh");
        assertThat(r.status()).isEqualTo(ReferenceStatus.UNREADABLE);
        assertThat(r.detail()).contains("not valid UTF-8");
    }

    @Test
    void a_non_utf8_yaml_file_is_unreadable() throws Exception {
        Files.createDirectories(root.resolve(".github/workflows"));
        Files.write(root.resolve(".github/workflows/x.yml"), "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(only(".github/workflows/x.yml").detail()).contains("not valid UTF-8");
    }

    @Test
    void empty_files_reference_nothing() throws Exception {
        SeedRepository.write(root, ".github/workflows/empty.yml", "");
        SeedRepository.write(root, "pytest.ini", "");
        StaticAnalysis analysis = analyse(".github/workflows/empty.yml", "pytest.ini");
        assertThat(analysis.tools().get(0).references()).extracting(ReferenceResult::status)
                .containsExactly(ReferenceStatus.NOT_REFERENCED, ReferenceStatus.NOT_REFERENCED);
        assertThat(analysis.tools().get(0).references().get(0).detail()).isEqualTo("empty file");
    }

    @Test
    void a_missing_file_and_a_directory() throws Exception {
        Files.createDirectories(root.resolve("ci/dir"));
        StaticAnalysis analysis = analyse("ci/missing.yml", "ci/dir");
        assertThat(analysis.tools().get(0).references()).extracting(ReferenceResult::status)
                .containsExactly(ReferenceStatus.FILE_MISSING, ReferenceStatus.UNREADABLE);
    }

    @Test
    void a_50_mb_text_file_is_streamed() throws Exception {
        // A Makefile fragment: no parser covers it, so it is streamed line by line.
        Path big = root.resolve("ci/big.mk");
        Files.createDirectories(big.getParent());
        String line = "echo " + "x".repeat(94) + "\n";
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 500_000; i++) {
                out.write(line);
            }
            out.write("bash 12_tooling/scripts/structure_guard.sh\n");
        }
        assertThat(Files.size(big)).isGreaterThanOrEqualTo(50_000_000L);
        ReferenceResult r = only("ci/big.mk");
        assertThat(r.status()).isEqualTo(ReferenceStatus.FOUND);
        assertThat(r.line()).isEqualTo(500_001);
    }

    @Test
    void a_shell_script_too_large_for_its_parser_is_refused_not_read_by_lines() throws Exception {
        // Padding a script past the parser's limit must not buy the weaker reading of a line lexer.
        Path big = root.resolve("ci/big.sh");
        Files.createDirectories(big.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("exit 0\n");
            for (int i = 0; i < 20_000; i++) {
                out.write("echo " + "x".repeat(94) + "\n");
            }
            out.write("bash 12_tooling/scripts/structure_guard.sh\n");
        }
        ReferenceResult r = only("ci/big.sh");
        assertThat(r.status()).isEqualTo(ReferenceStatus.UNREADABLE);
        assertThat(r.detail()).isEqualTo("is longer than 1048576 characters, the limit for a bash file read with its parser");
    }

    @Test
    void a_50_mb_single_line_is_refused_not_buffered() throws Exception {
        Path big = root.resolve("ci/minified.css");
        Files.createDirectories(big.getParent());
        String chunk = "a".repeat(1 << 20);
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
        }
        ReferenceResult r = only("ci/minified.css");
        assertThat(r.status()).isEqualTo(ReferenceStatus.UNREADABLE);
        assertThat(r.detail()).contains("line 1 is longer than");
    }

    @Test
    void a_run_script_over_the_parser_limit_does_not_count_and_says_why() throws Exception {
        // 2 MB on one line: within the YAML limit, over the script parser's.
        SeedRepository.write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  g:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: echo " + "x".repeat(2_000_000) + " && bash 12_tooling/scripts/structure_guard.sh\n");
        ReferenceResult r = only(".github/workflows/ci.yml");
        assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        assertThat(r.detail()).isEqualTo("mentioned on line 6 only in a script longer than 1048576 characters, not analysed"
                + " (jobs.g.steps[0].run)");
    }

    @Test
    void a_run_script_nested_ten_thousand_deep_is_bounded() throws Exception {
        SeedRepository.write(root, ".github/workflows/ci.yml", "on: push\njobs:\n  g:\n    runs-on: ubuntu-latest\n    steps:\n"
                + "      - run: echo " + "$(echo ".repeat(10_000) + "12_tooling/scripts/structure_guard.sh" + ")".repeat(10_000) + "\n");
        ReferenceResult r = only(".github/workflows/ci.yml");
        assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        assertThat(r.detail()).contains("not analysed").doesNotContain("\n");
    }

    @Test
    void a_50_mb_yaml_file_is_refused_without_loading_it() throws Exception {
        Path big = root.resolve(".github/workflows/huge.yml");
        Files.createDirectories(big.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            out.write("on: push\njobs:\n");
            String job = "  j%d:\n    runs-on: x\n    steps:\n      - run: echo " + "y".repeat(60) + "\n";
            for (int i = 0; i < 500_000; i++) {
                out.write(job.formatted(i));
            }
        }
        assertThat(Files.size(big)).isGreaterThan(50_000_000L);
        ReferenceResult r = only(".github/workflows/huge.yml");
        assertThat(r.status()).isEqualTo(ReferenceStatus.UNREADABLE);
        assertThat(r.detail()).contains("larger than the 4194304-byte limit for YAML files");
    }

    @Test
    void a_referencing_path_escaping_the_root_is_a_configuration_error() {
        assertThatThrownBy(() -> analyse("../x")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("tool 'structure_guard' referencedBy file '../x' is outside the repository root");
        assertThatThrownBy(() -> analyse("ci/../../x")).isInstanceOf(PolicyException.class);
        assertThatThrownBy(() -> analyse("/etc/passwd")).isInstanceOf(PolicyException.class);
    }

    @Test
    void a_tool_path_escaping_the_root_is_a_configuration_error() throws Exception {
        RepositoryRoot repository = RepositoryRoot.of(root);
        assertThatThrownBy(() -> new CiReferenceAnalyzer(repository)
                .analyze(List.of(new ToolSpec("t", "../tool.sh", List.of("ci.sh"), 10, ""))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("tool 't' path '../tool.sh' is outside");
    }

    @Test
    void a_symbolic_link_out_of_the_root_is_a_configuration_error(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("ci.yml"), "on: push\n");
        Files.createDirectories(root.resolve(".github"));
        Files.createSymbolicLink(root.resolve(".github/workflows"), outside);
        assertThatThrownBy(() -> analyse(".github/workflows/ci.yml")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void invalid_tool_configurations_are_refused() throws Exception {
        RepositoryRoot repository = RepositoryRoot.of(root);
        CiReferenceAnalyzer analyzer = new CiReferenceAnalyzer(repository);
        assertThatThrownBy(() -> analyzer.analyze(List.of())).hasMessageContaining("no tools");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of("a"), -1, ""))))
                .hasMessageContaining("maxScore -1");
        // Overflow route: a huge inline maxScore next to a second tool once pushed a phase past 100.
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of("a"), Integer.MAX_VALUE, ""))))
                .hasMessageContaining("expected 1..1000");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of(), 5, ""))))
                .hasMessageContaining("no referencedBy");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of("a", "a"), 5, ""))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of("a"), 5, ""),
                new ToolSpec("t", "y", List.of("a"), 5, "")))).hasMessageContaining("duplicate tool id 't'");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec(" ", "x", List.of("a"), 5, ""))))
                .hasMessageContaining("no id");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "./", List.of("a"), 5, ""))))
                .hasMessage("tool 't' path './' is the repository root, not a tool");
        assertThatThrownBy(() -> analyzer.analyze(List.of(new ToolSpec("t", "x", List.of("."), 5, ""))))
                .hasMessage("tool 't' referencedBy file '.' is the repository root, not a file");
    }
}
