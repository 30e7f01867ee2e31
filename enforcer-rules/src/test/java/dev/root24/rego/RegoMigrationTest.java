package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import dev.root24.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegoMigrationTest {

    @TempDir
    Path repo;

    private static RegoMigration migration() throws PolicyException {
        return new RegoMigration(RegoPolicy.builder().build(), true);
    }

    private static String corpusText(String name) throws Exception {
        return Files.readString(RegoCorpusTest.corpus().resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void seedPolicyBecomesV1WithItsLayerPackage() throws Exception {
        RegoMigration.SourcePlan plan = migration().planSource("01ailayer_policy_v6_0.rego",
                corpusText("01ailayer_policy_v6_0.rego"));
        assertThat(plan.rewritten()).isEqualTo("""
                # Seed-style policy: pre-1.0 syntax and a squashed module name.
                package ssid.ai_layer.v6_0

                deny contains msg if {
                    input.model.unsigned
                    msg := "model must be signed"
                }

                violation contains msg if {
                    not input.model.card
                    msg := sprintf("model %s has no card", [input.model.name])
                }

                allow if {
                    count(deny) == 0
                }
                """);
        assertThat(plan.changes()).containsExactly(
                new MigrationChange("01ailayer_policy_v6_0.rego", 2, "package ssid.01ailayer.v6_0", "package ssid.ai_layer.v6_0"),
                new MigrationChange("01ailayer_policy_v6_0.rego", 4, "deny[msg] {", "deny contains msg if {"),
                new MigrationChange("01ailayer_policy_v6_0.rego", 9, "violation[msg] {", "violation contains msg if {"),
                new MigrationChange("01ailayer_policy_v6_0.rego", 14, "allow {", "allow if {"));
    }

    @Test
    void futureKeywordImportsBecomeOneRegoV1Import() throws Exception {
        RegoMigration.SourcePlan plan = migration().planSource("11_test_simulation_future_keywords.rego",
                corpusText("11_test_simulation_future_keywords.rego"));
        assertThat(plan.rewritten()).startsWith("""
                package ssid.test_simulation.keywords

                import rego.v1

                deny contains msg if {""");
        assertThat(plan.rewritten()).contains("skipped contains name if {");
        assertThat(plan.changes()).extracting(MigrationChange::line, MigrationChange::after)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "import rego.v1"),
                        org.assertj.core.groups.Tuple.tuple(4, ""),
                        org.assertj.core.groups.Tuple.tuple(5, ""),
                        org.assertj.core.groups.Tuple.tuple(13, "skipped contains name if {"));
    }

    @Test
    void elseChainsGetIfOnEveryBody() throws Exception {
        String out = migration().planSource("03core_else_chain.rego", corpusText("03core_else_chain.rego")).rewritten();
        assertThat(out).contains("package ssid.core.authz", "decision = \"allow\" if {", "} else = \"review\" if {",
                "} else = \"deny\" if {", "level := 3 if {", "else := 1 if {", "default decision = \"deny\"\n");
    }

    @Test
    void multiLineSetKeyMovesWholeIntoContains() throws Exception {
        RegoMigration.SourcePlan plan = migration().planSource("18_data_layer_multiline_head.rego",
                corpusText("18_data_layer_multiline_head.rego"));
        assertThat(plan.rewritten()).contains("""
                deny contains {
                    "msg": msg,
                    "severity": "high",
                } if {
                """);
        assertThat(plan.changes()).hasSize(1);
        assertThat(plan.changes().get(0).line()).isEqualTo(3);
    }

    @Test
    void rawStringsAndCommentsAreNeverRewritten() throws Exception {
        String out = migration().planSource("06_data_pipeline_raw_strings.rego",
                corpusText("06_data_pipeline_raw_strings.rego")).rewritten();
        assertThat(out).contains("package fake.inside.raw\ndeny[msg] {\n`", "deny contains msg if {\n    contains(input.sql, `{{`)");
        String comments = corpusText("07_governance_legal_comments.rego");
        assertThat(migration().planSource("07_governance_legal_comments.rego", comments).changes()).isEmpty();
    }

    @Test
    void crlfLineEndingsAreKept() throws Exception {
        byte[] original = Files.readAllBytes(RegoCorpusTest.corpus().resolve("08identityscore_crlf.rego"));
        String text = new String(original, StandardCharsets.UTF_8);
        RegoMigration.SourcePlan plan = migration().planSource("08identityscore_crlf.rego", text);
        assertThat(plan.rewritten()).isEqualTo("package ssid.identity_score.score\r\n\r\ndeny contains msg if {\r\n"
                + "    input.score < 0\r\n    msg := \"negative score\"\r\n}\r\n\r\nvalid if {\r\n    input.score >= 0\r\n}\r\n");
        assertThat(plan.changes()).allSatisfy(c -> assertThat(c.before() + c.after()).doesNotContain("\r", "\n"));
    }

    @Test
    void whatCannotBeFixedMechanicallyIsListedNotGuessed() throws Exception {
        RegoMigration.SourcePlan noPackage = migration().planSource("09_meta_identity_no_package.rego",
                corpusText("09_meta_identity_no_package.rego"));
        assertThat(noPackage.changes()).isEmpty();
        assertThat(noPackage.skipped()).containsExactly(new MigrationSkip("09_meta_identity_no_package.rego", 1,
                "no package statement; add 'package ssid.meta_identity' by hand"));
        RegoMigration.SourcePlan prefix = migration().planSource("shared_bad_prefix.rego", corpusText("shared_bad_prefix.rego"));
        assertThat(prefix.changes()).isEmpty();
        assertThat(prefix.skipped()).singleElement().extracting(MigrationSkip::reason)
                .isEqualTo("package common.lib names no module; rename it by hand to start with ssid");
    }

    @Test
    void aByteOrderMarkAndNonAsciiTextSurviveByteForByte() throws Exception {
        String text = "\uFEFFpackage ssid.01ailayer # café ☕\n\nallow {\n    input.name == \"Zoë\"\n}\n";
        RegoMigration.SourcePlan plan = migration().planSource("01ailayer_x.rego", text);
        assertThat(RegoSourceFile.encode(plan.rewritten())).isEqualTo(
                "\uFEFFpackage ssid.ai_layer # café ☕\n\nallow if {\n    input.name == \"Zoë\"\n}\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void prefixNoneMeansTheLayerAlone() throws Exception {
        RegoPolicy none = RegoPolicy.builder().prefix("none").build();
        assertThat(none.naming().prefix()).isEmpty();
        // Without a prefix, `ssid` is the first segment and names no module: left alone, not guessed.
        RegoMigration.SourcePlan kept = new RegoMigration(none, false).planSource("01ailayer_x.rego", "package ssid.01ailayer.x\n");
        assertThat(kept.rewritten()).isEqualTo("package ssid.01ailayer.x\n");
        assertThat(kept.skipped()).singleElement().extracting(MigrationSkip::reason)
                .isEqualTo("package ssid.01ailayer.x names no module; rename it by hand to start with ai_layer");
        assertThat(new RegoMigration(none, false).planSource("01ailayer_x.rego", "package 01ailayer.x\n").rewritten())
                .isEqualTo("package ai_layer.x\n");
    }

    @Test
    void syntaxCanBeLeftAlone() throws Exception {
        RegoMigration packagesOnly = new RegoMigration(RegoPolicy.builder().build(), false);
        RegoMigration.SourcePlan plan = packagesOnly.planSource("01ailayer_policy_v6_0.rego", corpusText("01ailayer_policy_v6_0.rego"));
        assertThat(plan.changes()).extracting(MigrationChange::line).containsExactly(2);
        assertThat(plan.rewritten()).contains("deny[msg] {");
    }

    // --- on disk ---------------------------------------------------------------------------

    private Path write(String relative, byte[] content) throws Exception {
        Path file = repo.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private Path copyCorpus(String name, String into) throws Exception {
        return write(into + "/" + name, Files.readAllBytes(RegoCorpusTest.corpus().resolve(name)));
    }

    @Test
    void planningChangesNothingApplyingKeepsBackupsAndASecondRunFindsNothing() throws Exception {
        Path seed = copyCorpus("01ailayer_policy_v6_0.rego", "23_compliance/policies");
        Path crlf = copyCorpus("08identityscore_crlf.rego", "23_compliance/policies");
        Path clean = copyCorpus("02_audit_logging_v1.rego", "02_audit_logging");
        Path binary = copyCorpus("10_interoperability_binary.rego", "10_interoperability");
        byte[] seedBytes = Files.readAllBytes(seed);
        byte[] crlfBytes = Files.readAllBytes(crlf);
        byte[] binaryBytes = Files.readAllBytes(binary);
        Files.setPosixFilePermissions(seed, PosixFilePermissions.fromString("rw-r-----"));

        MigrationPlan plan = migration().plan(repo);
        assertThat(plan.filesScanned()).isEqualTo(4);
        assertThat(plan.files()).extracting(FileMigration::relative)
                .containsExactly("23_compliance/policies/01ailayer_policy_v6_0.rego", "23_compliance/policies/08identityscore_crlf.rego");
        assertThat(plan.skipped()).containsExactly(new MigrationSkip("10_interoperability/10_interoperability_binary.rego", 2,
                "could not analyse: binary content (NUL byte), not Rego source"));
        assertThat(Files.readAllBytes(seed)).isEqualTo(seedBytes);
        assertThat(Files.readAllBytes(crlf)).isEqualTo(crlfBytes);

        RegoMigration.Applied applied = RegoMigration.apply(plan);
        assertThat(applied.written()).hasSize(2);
        assertThat(applied.backups()).containsExactly(
                "23_compliance/policies/.backups/01ailayer_policy_v6_0.rego.bak",
                "23_compliance/policies/.backups/08identityscore_crlf.rego.bak");
        assertThat(Files.readAllBytes(repo.resolve(applied.backups().get(0)))).isEqualTo(seedBytes);
        assertThat(Files.readAllBytes(repo.resolve(applied.backups().get(1)))).isEqualTo(crlfBytes);
        assertThat(Files.readString(seed)).contains("package ssid.ai_layer.v6_0", "deny contains msg if {");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(seed))).isEqualTo("rw-r-----");
        assertThat(Files.readAllBytes(binary)).isEqualTo(binaryBytes);
        assertThat(Files.readString(clean)).isEqualTo(corpusText("02_audit_logging_v1.rego"));
        try (var listing = Files.list(seed.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }

        MigrationPlan again = migration().plan(repo);
        assertThat(again.isEmpty()).isTrue();
        assertThat(again.filesScanned()).isEqualTo(4);
        assertThat(new RegoPackageCheck(RegoPolicy.builder().v1Syntax(V1Syntax.ERROR).build()).check(repo).errors())
                .extracting(RegoFinding::file).containsExactly("10_interoperability/10_interoperability_binary.rego");
    }

    @Test
    void anExistingBackupWithOtherContentIsNeverOverwritten() throws Exception {
        Path file = write("01_ai_layer/01_ai_layer_x.rego", "package ssid.01ailayer\n".getBytes(StandardCharsets.UTF_8));
        write("01_ai_layer/.backups/01_ai_layer_x.rego.bak", "older original\n".getBytes(StandardCharsets.UTF_8));
        RegoMigration.Applied applied = RegoMigration.apply(migration().plan(repo));
        assertThat(applied.backups()).containsExactly("01_ai_layer/.backups/01_ai_layer_x.rego.bak.1");
        assertThat(Files.readString(repo.resolve("01_ai_layer/.backups/01_ai_layer_x.rego.bak"))).isEqualTo("older original\n");
        assertThat(Files.readString(repo.resolve("01_ai_layer/.backups/01_ai_layer_x.rego.bak.1"))).isEqualTo("package ssid.01ailayer\n");
        assertThat(Files.readString(file)).isEqualTo("package ssid.ai_layer\n");
    }

    @Test
    void aFileChangedAfterPlanningIsLeftAlone() throws Exception {
        Path file = write("01_ai_layer/01_ai_layer_x.rego", "package ssid.01ailayer\n".getBytes(StandardCharsets.UTF_8));
        MigrationPlan plan = migration().plan(repo);
        Files.writeString(file, "package ssid.01ailayer.edited\n");
        RegoMigration.Applied applied = RegoMigration.apply(plan);
        assertThat(applied.written()).isEmpty();
        assertThat(applied.skipped()).singleElement().extracting(MigrationSkip::reason)
                .isEqualTo("changed since it was analysed; run again");
        assertThat(Files.readString(file)).isEqualTo("package ssid.01ailayer.edited\n");
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedAndTheOthersProceed() throws Exception {
        Path locked = write("01_ai_layer/01_ai_layer_a.rego", "package ssid.01ailayer.a\n".getBytes(StandardCharsets.UTF_8));
        Path open = write("03_core/03_core_b.rego", "package ssid.03core.b\n".getBytes(StandardCharsets.UTF_8));
        MigrationPlan plan = migration().plan(repo);
        // a file where the backup directory should be: the backup cannot be kept, so nothing is written
        Files.writeString(locked.getParent().resolve(".backups"), "in the way");
        RegoMigration.Applied applied = RegoMigration.apply(plan);
        assertThat(applied.failed()).isEqualTo(1);
        assertThat(applied.written()).containsExactly("03_core/03_core_b.rego");
        assertThat(applied.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("01_ai_layer/01_ai_layer_a.rego");
            assertThat(s.reason()).startsWith("not written: FileAlreadyExistsException");
        });
        assertThat(Files.readString(locked)).isEqualTo("package ssid.01ailayer.a\n");
        assertThat(Files.readString(open)).isEqualTo("package ssid.core.b\n");
    }

    @Test
    void reportListsEveryChangeAsJson() throws Exception {
        copyCorpus("01ailayer_policy_v6_0.rego", "23_compliance/policies");
        MigrationPlan plan = migration().plan(repo);
        Path out = repo.resolve("target/root24/rego-migration.json");
        MigrationReport.write(out, plan, null);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(out.toFile());
        assertThat(json.get("mode").asString()).isEqualTo("dry-run");
        assertThat(json.get("changeCount").asInt()).isEqualTo(4);
        var first = json.get("changes").get(0);
        assertThat(first.get("file").asString()).isEqualTo("23_compliance/policies/01ailayer_policy_v6_0.rego");
        assertThat(first.get("line").asInt()).isEqualTo(2);
        assertThat(first.get("before").asString()).isEqualTo("package ssid.01ailayer.v6_0");
        assertThat(first.get("after").asString()).isEqualTo("package ssid.ai_layer.v6_0");
        assertThat(json.has("backups")).isFalse();
    }

    @Test
    void backupsAreNotScannedAgain() throws Exception {
        write("01_ai_layer/.backups/01ailayer_old.rego", "package ssid.01ailayer\n".getBytes(StandardCharsets.UTF_8));
        assertThat(migration().plan(repo).filesScanned()).isZero();
    }

    @Test
    void aConfiguredDirectoryOutsideTheRootIsRefused() {
        assertThatThrownBy(() -> new RegoMigration(RegoPolicy.builder().directories(List.of("../elsewhere")).build(), true)
                .plan(repo)).isInstanceOf(PolicyException.class).hasMessageContaining("outside the repository root");
    }
}
