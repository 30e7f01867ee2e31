package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoPackageCheckTest {

    @TempDir
    Path repo;

    private void write(String relative, String content) throws Exception {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private RegoReport check(RegoPolicy.Builder builder) throws Exception {
        return new RegoPackageCheck(builder.build()).check(repo);
    }

    @Test
    void misnamedPackageNamesFileLineFoundAndExpected() throws Exception {
        write("23_compliance/policies/01ailayer_policy_v6_0.rego", "# header\npackage ssid.01ailayer.v6_0\n");
        RegoReport report = check(RegoPolicy.builder());
        assertThat(report.passed()).isFalse();
        assertThat(report.errors()).singleElement().extracting(RegoFinding::format).isEqualTo(
                "23_compliance/policies/01ailayer_policy_v6_0.rego:2: package ssid.01ailayer.v6_0 found, expected "
                        + "ssid.ai_layer or below it (module 01_ai_layer, from the file name)");
        assertThat(report.formatErrors()).startsWith("regoPackages: 1 violation(s) in 1 .rego file(s) under " + repo);
    }

    @Test
    void directoryModeTakesTheNearestModuleDirectory() throws Exception {
        write("23_compliance/policies/01_ai_layer/x.rego", "package ssid.ai_layer.x\n");
        write("23_compliance/policies/y.rego", "package ssid.compliance.y\n");
        write("23_compliance/policies/01ailayer_z.rego", "package ssid.ai_layer.z\n");
        RegoReport report = check(RegoPolicy.builder().layerSource(LayerSource.DIRECTORY));
        assertThat(report.errors()).extracting(RegoFinding::file, RegoFinding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("23_compliance/policies/01ailayer_z.rego", 1));
        assertThat(report.errors().get(0).message()).contains("expected ssid.compliance", "from the directory");
    }

    @Test
    void withoutAModuleOnlyThePrefixIsRequired() throws Exception {
        write("12_tooling/lib/helpers.rego", "package ssid.helpers\n");
        write("12_tooling/lib/other.rego", "package helpers\n");
        assertThat(check(RegoPolicy.builder()).errors()).extracting(RegoFinding::message)
                .containsExactly("package helpers found, expected ssid or below it (no module named)");
        assertThat(check(RegoPolicy.builder().prefix("")).passed()).isTrue();
    }

    @Test
    void v1SyntaxOffWarnError() throws Exception {
        write("01_ai_layer/01_ai_layer_p.rego", "package ssid.ai_layer\n\nimport future.keywords.if\n\ndeny[msg] {\n  msg := 1\n}\n");
        assertThat(check(RegoPolicy.builder().v1Syntax(V1Syntax.OFF)).findings()).isEmpty();
        RegoReport warn = check(RegoPolicy.builder());
        assertThat(warn.passed()).isTrue();
        assertThat(warn.warnings()).extracting(RegoFinding::format).containsExactly(
                "01_ai_layer/01_ai_layer_p.rego:3: 'import future.keywords.if' (v1: 'import rego.v1', or no import on OPA 1.x)",
                "01_ai_layer/01_ai_layer_p.rego:5: partial set rule 'deny[msg]' without 'contains' (v1: 'deny contains msg if')",
                "01_ai_layer/01_ai_layer_p.rego:5: rule body of 'deny' without 'if' (v1: '... if {')");
        assertThat(warn.summary()).contains("3 warning(s)");
        assertThat(check(RegoPolicy.builder().v1Syntax(V1Syntax.ERROR)).errors()).hasSize(3);
    }

    @Test
    void excludesBackupsAndNonRegoFilesAreLeftAlone() throws Exception {
        write("11_test_simulation/fixtures/bad.rego", "package wrong\n");
        write("11_test_simulation/.backups/11testsimulation_x.rego.bak", "package wrong\n");
        write("11_test_simulation/.backups/old.rego", "package wrong\n");
        write("11_test_simulation/notes.txt", "package wrong\n");
        write("11_test_simulation/11_test_simulation_ok.rego", "package ssid.test_simulation\n");
        RegoReport report = check(RegoPolicy.builder().excludes(List.of("11_test_simulation/fixtures/**")));
        assertThat(report.passed()).isTrue();
        assertThat(report.filesScanned()).isEqualTo(1);
        assertThat(check(RegoPolicy.builder()).errors()).extracting(RegoFinding::file)
                .containsExactly("11_test_simulation/fixtures/bad.rego");
    }

    @Test
    void onlyConfiguredDirectoriesAndEachFileOnce() throws Exception {
        write("policies/a/03core_a.rego", "package ssid.core.a\n");
        write("policies/03core_b.rego", "package ssid.core.b\n");
        write("01_ai_layer/01ailayer_c.rego", "package wrong\n");
        RegoReport report = check(RegoPolicy.builder().directories(List.of("policies", "policies/a")));
        assertThat(report.filesScanned()).isEqualTo(2);
        assertThat(report.passed()).isTrue();
    }

    @Test
    void aConfiguredDirectoryThatIsMissingOrOutsideIsAConfigurationError() {
        assertThatThrownBy(() -> check(RegoPolicy.builder().directories(List.of("nope"))))
                .isInstanceOf(PolicyException.class).hasMessage("directories: 'nope' is not a directory in " + repo);
        assertThatThrownBy(() -> check(RegoPolicy.builder().directories(List.of("/etc"))))
                .isInstanceOf(PolicyException.class).hasMessageContaining("outside the repository root");
    }

    @Test
    void aSymbolicLinkIsReportedNotFollowed() throws Exception {
        Path outside = Files.createTempFile("outside", ".rego");
        try {
            Files.writeString(outside, "package wrong\n");
            Files.createDirectories(repo.resolve("03_core"));
            Files.createSymbolicLink(repo.resolve("03_core/03_core_link.rego"), outside);
            assertThat(check(RegoPolicy.builder()).errors()).extracting(RegoFinding::format)
                    .containsExactly("03_core/03_core_link.rego: could not analyse: symbolic link (not followed)");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void missingDefaultModulesAreSkipped() throws Exception {
        RegoReport report = check(RegoPolicy.builder());
        assertThat(report.passed()).isTrue();
        assertThat(report.filesScanned()).isZero();
    }
}
