package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus under {@code src/test/resources/rego/corpus}: every file's findings, exactly, with
 * the default policy (prefix {@code ssid}, module from the file name) and the v1 check at error.
 */
class RegoCorpusTest {

    static Path corpus() throws URISyntaxException {
        return Path.of(RegoCorpusTest.class.getResource("/rego/corpus").toURI());
    }

    static RegoPolicy policy() throws Exception {
        return RegoPolicy.builder().v1Syntax(V1Syntax.ERROR).build();
    }

    /** Findings as short signatures: {@code package@2}, {@code contains@4}, {@code if@4}, {@code import@3}. */
    static List<String> signatures(String file) throws Exception {
        Path path = corpus().resolve(file);
        RegoPackageCheck check = new RegoPackageCheck(policy());
        List<String> out = new ArrayList<>();
        RegoSourceFile source;
        try {
            source = RegoSourceFile.read(path);
        } catch (RegoAnalysisException e) {
            return List.of("unanalysable@" + e.line());
        }
        for (RegoFinding f : check.checkSource(file, source.text())) {
            switch (f.kind()) {
                case PACKAGE -> out.add("package@" + f.line());
                case NO_PACKAGE -> out.add("nopackage@" + f.line());
                case COULD_NOT_ANALYSE -> out.add("unanalysable@" + f.line());
                case V1_SYNTAX -> { }
            }
        }
        if (out.stream().noneMatch(s -> s.startsWith("unanalysable"))) {
            for (SyntaxFinding f : RegoAnalyzer.analyse(source.text()).findings()) {
                out.add(switch (f.issue()) {
                    case PARTIAL_SET_WITHOUT_CONTAINS -> "contains@" + f.line();
                    case BODY_WITHOUT_IF -> "if@" + f.line();
                    case FUTURE_KEYWORDS_IMPORT -> "import@" + f.line();
                });
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "01ailayer_policy_v6_0.rego            | package@2 contains@4 if@4 contains@9 if@9 if@14",
        "02_audit_logging_v1.rego              | ",
        "03core_else_chain.rego                | package@1 if@5 if@7 if@9 if@13 if@16",
        "04_deployment_else_v1.rego            | ",
        "05_documentation_comprehensions.rego  | contains@9 if@9 if@15",
        "06_data_pipeline_raw_strings.rego     | contains@10 if@10",
        "07_governance_legal_comments.rego     | ",
        "08identityscore_crlf.rego             | package@1 contains@3 if@3 if@8",
        "09_meta_identity_no_package.rego      | nopackage@1",
        "10_interoperability_binary.rego       | unanalysable@2",
        "11_test_simulation_future_keywords.rego | import@3 import@4 import@5 contains@13",
        "12_tooling_future_all.rego            | import@3 if@6",
        "12_tooling_latin1.rego                | unanalysable@3",
        "13_ui_layer_functions.rego            | if@3 if@7",
        "14_zero_time_auth_object_rules.rego   | if@7",
        "15infra_unterminated_string.rego      | unanalysable@4",
        "16_codex_unbalanced.rego              | unanalysable@3",
        "17_observability_string_escapes.rego  | contains@5 if@5",
        "18_data_layer_multiline_head.rego     | contains@3 if@6",
        "19adapters_wrong_layer.rego           | package@1",
        "20_foundation_no_prefix.rego          | package@1",
        "21postquantumcrypto_policy_v6_0.rego  | package@1 contains@3 if@3",
        "22_datasets_rego_v1_import.rego       | contains@5 if@5",
        "23_compliance_every_some.rego         | ",
        "24metaorchestration_gates.rego        | package@1 import@3",
        "shared_policy.rego                    | ",
        "shared_bad_prefix.rego                | package@1",
        "weird_statement.rego                  | unanalysable@3",
        "unexpected_character.rego             | unanalysable@3",
    })
    void findingsOfEveryCorpusFile(String file, String expected) throws Exception {
        List<String> want = expected == null || expected.isBlank() ? List.of() : List.of(expected.strip().split("\\s+"));
        assertThat(signatures(file)).containsExactlyInAnyOrderElementsOf(want);
    }

    @Test
    void corpusHasAtLeastTwentyFilesAndEveryOneIsInTheTable() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            assertThat(files.filter(p -> p.toString().endsWith(".rego")).count()).isGreaterThanOrEqualTo(20);
        }
    }

    static Stream<String> corpusFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Never throws, whatever the input: bad input is a finding, not a crash. */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void checkingNeverThrows(String file) throws Exception {
        RegoPackageCheck check = new RegoPackageCheck(policy());
        List<RegoFinding> findings = check.checkFile(new RegoFiles.Entry(corpus().resolve(file), file, false));
        assertThat(findings).allSatisfy(f -> assertThat(f.file()).isEqualTo(file));
        findings.stream().filter(f -> f.kind() == RegoFinding.Kind.COULD_NOT_ANALYSE)
                .forEach(f -> assertThat(f.format()).startsWith(file + ":").contains("could not analyse: "));
    }

    /**
     * Migrating any corpus file and migrating the result again changes nothing the second time,
     * and what is left is only what the migration says it cannot fix.
     */
    @ParameterizedTest
    @MethodSource("corpusFiles")
    void migrationIsIdempotent(String file) throws Exception {
        RegoSourceFile source;
        try {
            source = RegoSourceFile.read(corpus().resolve(file));
        } catch (RegoAnalysisException e) {
            return;
        }
        RegoMigration migration = new RegoMigration(policy(), true);
        RegoMigration.SourcePlan first = migration.planSource(file, source.text());
        RegoMigration.SourcePlan second = migration.planSource(file, first.rewritten());
        assertThat(second.changes()).isEmpty();
        assertThat(second.rewritten()).isEqualTo(first.rewritten());
        assertThat(second.skipped()).isEqualTo(first.skipped());
        if (first.skipped().isEmpty()) {
            assertThat(new RegoPackageCheck(policy()).checkSource(file, first.rewritten())).isEmpty();
        }
    }
}
