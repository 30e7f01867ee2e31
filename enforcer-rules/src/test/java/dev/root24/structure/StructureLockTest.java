package dev.root24.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.root24.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StructureLockTest {

    @TempDir
    Path root;

    private StructureReport check(StructurePolicy policy) throws PolicyException {
        return new StructureLock(policy).check(root);
    }

    private StructureReport check() throws PolicyException {
        return check(StructurePolicy.defaults());
    }

    @Test
    void compliantRootPasses() throws Exception {
        Layouts.compliant(root);
        Files.createDirectories(root.resolve(".git"));
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("README.md"), "x");

        StructureReport report = check();

        assertThat(report.passed()).isTrue();
        assertThat(report.modulesFound()).isEqualTo(24);
        assertThat(report.summary()).isEqualTo("ROOT-24-LOCK: OK, 24/24 locked modules, no violations in " + root);
    }

    @Test
    void missingModuleIsReportedWithItsFix() throws Exception {
        Layouts.compliantExcept(root, Set.of("07_governance_legal"));

        StructureReport report = check();

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.MISSING_MODULE);
            assertThat(v.line()).isEqualTo(
                    "07_governance_legal/: locked module is missing -> create the directory 07_governance_legal/");
        });
        assertThat(report.modulesFound()).isEqualTo(23);
    }

    @Test
    void extraDirectoryMatchingThePatternIsAnUnlockedModule() throws Exception {
        Layouts.compliant(root);
        Files.createDirectories(root.resolve("25_extra"));

        assertThat(check().violations()).extracting(Violation::kind, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ViolationKind.UNLOCKED_MODULE, "25_extra/"));
    }

    @Test
    void unauthorisedRootFileAndDirectoryAreReported() throws Exception {
        Layouts.compliant(root);
        Files.writeString(root.resolve("notes.txt"), "x");
        Files.createDirectories(root.resolve("scratch"));

        assertThat(check().violations()).extracting(Violation::line).containsExactly(
                "notes.txt: file is not allowed at the root -> move it into a module, or add it to allowedFiles",
                "scratch/: directory is not allowed at the root -> move it into a module, or add it to allowedDirectories");
    }

    @Test
    void forbiddenPatternsWinOverTheAllowList() throws Exception {
        Layouts.compliant(root);
        Files.writeString(root.resolve("backup.zip"), "x");
        Files.writeString(root.resolve(".coverage"), "x");
        Files.writeString(root.resolve("release.tar.gz"), "x");
        StructurePolicy policy = StructurePolicy.builder().allowFiles(List.of("backup.zip")).build();

        assertThat(check(policy).violations()).extracting(Violation::kind, Violation::path, Violation::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.FORBIDDEN_FILE, ".coverage",
                                "matches forbidden pattern '.coverage'"),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.FORBIDDEN_FILE, "backup.zip",
                                "matches forbidden pattern '*.zip'"),
                        org.assertj.core.groups.Tuple.tuple(ViolationKind.FORBIDDEN_FILE, "release.tar.gz",
                                "matches forbidden pattern '*.tar.gz'"));
    }

    @Test
    void moduleLackingARequiredEntryIsReportedPerEntry() throws Exception {
        Layouts.compliant(root);
        Files.delete(root.resolve("03_core/module.yaml"));
        Files.createDirectories(root.resolve("05_documentation/docs"));
        Files.writeString(root.resolve("06_data_pipeline/docs"), "a file, not a directory");
        StructurePolicy policy = StructurePolicy.builder()
                .requiredModuleEntries(List.of("module.yaml", "docs/"))
                .expectedModules(List.of("03_core", "05_documentation", "06_data_pipeline"))
                .modulePattern("^$")
                .build();

        StructureReport report = new StructureLock(policy).check(root);

        assertThat(report.violations()).filteredOn(v -> v.kind() == ViolationKind.MISSING_MODULE_ENTRY)
                .extracting(Violation::line)
                .containsExactly(
                        "03_core/docs/: required directory is missing -> create the directory 03_core/docs/",
                        "03_core/module.yaml: required file is missing -> create the file 03_core/module.yaml",
                        "06_data_pipeline/docs/: required directory is a file -> create the directory 06_data_pipeline/docs/");
    }

    @Test
    void moduleThatIsAFileIsReported() throws Exception {
        Layouts.compliantExcept(root, Set.of("16_codex"));
        Files.writeString(root.resolve("16_codex"), "not a directory");

        assertThat(check().violations()).extracting(Violation::kind).containsExactly(ViolationKind.MODULE_NOT_DIRECTORY);
    }

    @Test
    void symbolicLinkAtTheRootIsReportedAndNeverFollowed(@TempDir Path outside) throws Exception {
        Layouts.compliantExcept(root, Set.of("22_datasets"));
        Files.createDirectories(outside.resolve("secret"));
        Files.createSymbolicLink(root.resolve("22_datasets"), outside);
        Files.createSymbolicLink(root.resolve("README.md"), outside.resolve("nothing-here"));
        Files.createDirectories(root.resolve("01_ai_layer/secret"));
        Files.createSymbolicLink(root.resolve("02_audit_logging/secret"), outside.resolve("secret"));
        StructurePolicy policy = StructurePolicy.builder()
                .expectedModules(List.of("01_ai_layer", "02_audit_logging", "22_datasets"))
                .modulePattern("^$")
                .allowDirectories(StructurePolicy.DEFAULT_MODULES)
                .requiredModuleEntries(List.of("secret/"))
                .build();

        StructureReport report = check(policy);

        // The linked module is not looked into (its target has secret/, it must not count),
        // and a linked required entry does not satisfy the requirement.
        assertThat(report.violations()).extracting(Violation::line).containsExactly(
                "02_audit_logging/secret/: required directory is a symbolic link (not followed)"
                        + " -> create the directory 02_audit_logging/secret/",
                "22_datasets: symbolic link at the root (not followed) -> replace it with a real directory, or remove it",
                "README.md: symbolic link at the root (not followed) -> replace it with a real file or directory, or remove it");
        assertThat(report.modulesFound()).isEqualTo(2);
    }

    @Test
    void everyViolationIsReportedAtOnceSorted() throws Exception {
        Layouts.compliantExcept(root, Set.of("01_ai_layer", "24_meta_orchestration"));
        Files.writeString(root.resolve("zeta.txt"), "x");
        Files.writeString(root.resolve("alpha.zip"), "x");
        Files.createDirectories(root.resolve("99_new"));

        StructureReport report = check();

        assertThat(report.header()).isEqualTo("ROOT-24-LOCK: 5 violation(s) in " + root);
        assertThat(report.violations()).extracting(Violation::path)
                .containsExactly("01_ai_layer/", "24_meta_orchestration/", "99_new/", "alpha.zip", "zeta.txt");
        assertThat(report.format().lines()).hasSize(6);
    }

    @Test
    void ignoredEntriesAreNotLookedAt() throws Exception {
        Layouts.compliantExcept(root, Set.of("12_tooling"));
        Files.createDirectories(root.resolve(".idea"));
        Files.writeString(root.resolve("build.log"), "x");
        StructurePolicy policy = StructurePolicy.builder().ignore(List.of(".idea", "*.log", "12_tooling")).build();

        assertThat(check(policy).passed()).isTrue();
    }

    @Test
    void customModulesAndPatternReplaceTheDefaults() throws Exception {
        Files.createDirectories(root.resolve("core"));
        Files.createDirectories(root.resolve("api"));
        Files.createDirectories(root.resolve("01_old"));
        StructurePolicy policy = StructurePolicy.builder()
                .expectedModules(List.of("core", "api", "web"))
                .modulePattern("^[a-z]+$")
                .build();

        assertThat(check(policy).violations()).extracting(Violation::kind, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ViolationKind.UNAUTHORISED_DIRECTORY, "01_old/"),
                org.assertj.core.groups.Tuple.tuple(ViolationKind.MISSING_MODULE, "web/"));
    }

    @Test
    void withoutMavenDefaultsPomXmlIsNotAllowed() throws Exception {
        Layouts.compliant(root);

        StructurePolicy policy = StructurePolicy.builder().mavenDefaults(false).build();

        assertThat(check(policy).violations()).extracting(Violation::path).containsExactly("pom.xml");
    }

    @Test
    void missingRootIsAConfigurationError() {
        Path missing = root.resolve("nope");
        assertThatThrownBy(() -> new StructureLock(StructurePolicy.defaults()).check(missing))
                .isInstanceOf(PolicyException.class)
                .hasMessage("root directory " + missing + " does not exist");
    }

    @Test
    void rootThatIsAFileIsAConfigurationError() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> new StructureLock(StructurePolicy.defaults()).check(file))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("is not a directory");
    }
}
