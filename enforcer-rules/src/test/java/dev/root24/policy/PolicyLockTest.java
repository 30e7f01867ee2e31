package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The organisation's locks hold against every route a repository has to a setting: a file that
 * extends the policy, a POM parameter, and a user property (which includes .mvn/maven.config).
 * Every effective key knows its source.
 */
class PolicyLockTest {

    private static final String ORG = "classpath:root24/lockedorg/org-policy.yaml";
    private static final SettingSource POM = new SettingSource.PomParameter("<staticWeight>", "com.example:team:1.0");
    private static final SettingSource USER = new SettingSource.UserProperty("root24.failBelow");

    @TempDir
    Path dir;

    private PolicyLoader loader;

    @BeforeEach
    void setUp() throws PolicyException {
        loader = new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader());
    }

    @Nested
    class LockedKeysCannotBeChanged {

        @Test
        void a_pom_parameter_naming_key_value_source_and_lock_line() {
            InlineSettings inline = InlineSettings.none().set("scoring.weights.static", 0, POM);
            assertThatThrownBy(() -> loader.load(ORG, inline)).isInstanceOf(PolicyException.class)
                    .hasMessage("scoring.weights.static is locked by classpath:root24/lockedorg/org-policy.yaml:3: "
                            + "com.example:team:1.0 <staticWeight> tried 0");
        }

        @Test
        void a_user_property_such_as_one_from_maven_config() {
            InlineSettings inline = InlineSettings.none().set("failBelow", "NONE", USER);
            assertThatThrownBy(() -> loader.load(ORG, inline))
                    .hasMessageStartingWith("failBelow is locked by classpath:root24/lockedorg/org-policy.yaml:6 "
                            + "(it may only be raised): -Droot24.failBelow")
                    .hasMessageEndingWith("tried \"NONE\"");
        }

        @Test
        void a_team_file_that_extends_the_policy() throws Exception {
            Path team = dir.resolve("team.yaml");
            Files.writeString(team, "version: 1\nextends: " + ORG + "\nscoring:\n  weights: {static: 0, dynamic: 75}\n");
            assertThatThrownBy(() -> loader.load("team.yaml", InlineSettings.none()))
                    .hasMessageStartingWith("scoring.weights.static is locked by classpath:root24/lockedorg/org-policy.yaml:3: team.yaml:4 tried 0");
        }

        @Test
        void a_team_classpath_file_that_extends_the_policy() {
            assertThatThrownBy(() -> loader.load("classpath:root24/lockedorg/team-weakens.yaml", InlineSettings.none()))
                    .hasMessageContaining("scoring.weights.static is locked by classpath:root24/lockedorg/org-policy.yaml:3");
        }

        @Test
        void accepted_exit_codes_of_a_locked_check() {
            InlineSettings inline = InlineSettings.none().set("checks",
                    List.of(Map.of("id", "guard", "acceptExitCodes", List.of(0, 1))),
                    new SettingSource.PomParameter("<checks>", "pom.xml"));
            assertThatThrownBy(() -> loader.load(ORG, inline))
                    .hasMessage("checks[guard].acceptExitCodes is locked by classpath:root24/lockedorg/org-policy.yaml:4: "
                            + "pom.xml <checks> tried [0,1]");
        }

        @Test
        void trusted_keys() {
            InlineSettings inline = InlineSettings.none().set("worm.trustedKeys", List.of("keys/ours.pub.pem"),
                    new SettingSource.PomParameter("<trustedKeys>", "pom.xml"));
            assertThatThrownBy(() -> loader.load(ORG, inline)).hasMessageContaining("worm.trustedKeys is locked by");
        }

        @Test
        void min_score_may_not_be_lowered() {
            InlineSettings inline = InlineSettings.none().set("ci.minScore", 0, new SettingSource.UserProperty("root24.minScore"));
            assertThatThrownBy(() -> loader.load(ORG, inline)).hasMessageContaining("ci.minScore is locked")
                    .hasMessageContaining("(it may only be raised)");
        }

        @Test
        void a_preset_that_would_add_scored_tools_around_a_tools_lock() {
            InlineSettings inline = InlineSettings.none().set("ci.preset", "ssid", new SettingSource.PomParameter("<preset>", "pom.xml"));
            assertThatThrownBy(() -> loader.load(ORG, inline))
                    .hasMessageStartingWith("ci.preset is locked by classpath:root24/lockedorg/org-policy.yaml:5: pom.xml <preset> tried \"ssid\"");
        }

        @Test
        void a_lock_naming_no_key_is_refused_at_its_line() {
            assertThatThrownBy(() -> loader.load("classpath:root24/lockedorg/bad-lock.yaml", InlineSettings.none()))
                    .hasMessageStartingWith("classpath:root24/lockedorg/bad-lock.yaml:3: locked names 'scoring.wieghts'");
        }
    }

    @Nested
    class WhatALockAllows {

        @Test
        void raising_fail_below_and_min_score_is_recorded() throws Exception {
            EffectivePolicy policy = loader.load(ORG, InlineSettings.none().set("failBelow", "PLATINUM", USER)
                    .set("ci.minScore", 80, new SettingSource.UserProperty("root24.minScore")));
            assertThat(policy.document().failBelow()).isEqualTo("PLATINUM");
            assertThat(policy.document().ci().minScore()).isEqualTo(80);
            assertThat(policy.overrides()).extracting(PolicyOverride::key, PolicyOverride::policyValue,
                    PolicyOverride::effectiveValue).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("failBelow", "\"GOLD\"", "\"PLATINUM\""),
                            org.assertj.core.groups.Tuple.tuple("ci.minScore", "60", "80"));
        }

        @Test
        void an_added_check_runs_but_carries_no_points() throws Exception {
            InlineSettings inline = InlineSettings.none().set("checks",
                    List.of(Map.of("id", "guard"), Map.of("id", "easy", "command", "true", "weight", 1000)),
                    new SettingSource.PomParameter("<checks>", "pom.xml"));
            EffectivePolicy policy = loader.load(ORG, inline);
            assertThat(policy.document().checks()).extracting(PolicyDocument.Check::id, PolicyDocument.Check::weight)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("guard", null),
                            org.assertj.core.groups.Tuple.tuple("easy", 0));
            assertThat(policy.overrides()).singleElement().satisfies(o -> {
                assertThat(o.key()).isEqualTo("checks[easy]");
                assertThat(o.effectiveValue()).contains("carries no points");
                assertThat(o.source().display()).isEqualTo("pom.xml <checks>");
            });
        }

        @Test
        void an_added_tool_is_worth_nothing() throws Exception {
            InlineSettings inline = InlineSettings.none().set("ci.tools",
                    List.of(Map.of("id", "extra", "path", "x.sh", "referencedBy", List.of("ci.yml"), "maxScore", 1000)),
                    new SettingSource.PomParameter("<tools>", "pom.xml"));
            EffectivePolicy policy = loader.load(ORG, inline);
            assertThat(policy.document().ci().tools()).extracting(PolicyDocument.Tool::id, PolicyDocument.Tool::maxScore)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("guard", 20),
                            org.assertj.core.groups.Tuple.tuple("extra", 0));
        }

        @Test
        void keys_that_are_not_locked_may_change_and_each_change_is_recorded() throws Exception {
            EffectivePolicy policy = loader.load("classpath:root24/lockedorg/team-raises.yaml", InlineSettings.none());
            assertThat(policy.document().structure().allowedFiles()).containsExactly("org.txt", "team.txt");
            assertThat(policy.overrides()).extracting(PolicyOverride::key).containsExactly("failBelow", "structure.allowedFiles");
            assertThat(policy.overrides().get(1).source()).isEqualTo(new SettingSource.PolicyFile(
                    "classpath:root24/lockedorg/team-raises.yaml", 5, null, true));
        }

        @Test
        void restating_a_locked_value_is_no_change() throws Exception {
            EffectivePolicy policy = loader.load(ORG, InlineSettings.none().set("scoring.weights.static", 35, POM));
            assertThat(policy.overrides()).isEmpty();
            assertThat(policy.provenance().get("scoring.weights.static").display())
                    .isEqualTo("classpath:root24/lockedorg/org-policy.yaml:22");
        }
    }

    @Nested
    class Provenance {

        @Test
        void every_key_names_its_source() throws Exception {
            Files.writeString(dir.resolve("team.yaml"), "version: 1\nextends: " + ORG + "\nrego:\n  prefix: acme\n");
            EffectivePolicy policy = loader.load("team.yaml", InlineSettings.none()
                    .set("structure.ignore", List.of(".idea"), new SettingSource.PomParameter("<ignore>", "pom.xml"))
                    .set("failBelow", "PLATINUM", USER));
            Map<String, SettingSource> p = policy.provenance();
            assertThat(p.get("ci.minScore")).isEqualTo(new SettingSource.PolicyFile(ORG.replace("x", "x"), 10, null, true));
            assertThat(p.get("rego.prefix")).isEqualTo(new SettingSource.PolicyFile("team.yaml", 4, null, false));
            assertThat(p.get("structure.ignore")).isEqualTo(new SettingSource.PomParameter("<ignore>", "pom.xml"));
            assertThat(p.get("failBelow")).isEqualTo(USER);
            assertThat(p.get("failBelow").organisation()).isFalse();
            assertThat(p.get("ci.minScore").organisation()).isTrue();
            assertThat(p.get("rego.prefix").organisation()).isFalse();
        }

        @Test
        void the_base_is_the_organisation_file_with_its_digest() throws Exception {
            Files.writeString(dir.resolve("team.yaml"), "version: 1\nextends: " + ORG + "\n");
            EffectivePolicy policy = loader.load("team.yaml", InlineSettings.none());
            byte[] bytes;
            try (var in = getClass().getClassLoader().getResourceAsStream("root24/lockedorg/org-policy.yaml")) {
                bytes = in.readAllBytes();
            }
            assertThat(policy.base().location()).isEqualTo(ORG);
            assertThat(policy.base().sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(policy.document().locked()).contains("scoring", "checks", "worm.trustedKeys");
        }

        @Test
        void a_repository_file_is_never_the_organisation() throws Exception {
            Files.writeString(dir.resolve("own.yaml"), "version: 1\nfailBelow: NONE\n");
            EffectivePolicy policy = loader.load("own.yaml", InlineSettings.none());
            assertThat(policy.provenance().get("failBelow").organisation()).isFalse();
            assertThat(policy.base().artifact()).isNull();
        }
    }

    @Nested
    class InlineValuesHaveThePolicyBounds {

        @Test
        void a_huge_max_score_is_refused_naming_its_parameter() {
            InlineSettings inline = InlineSettings.none().set("ci.tools",
                    List.of(Map.of("id", "t", "path", "t.sh", "referencedBy", List.of("ci.yml"), "maxScore", Integer.MAX_VALUE)),
                    new SettingSource.PomParameter("<tools>", "pom.xml"));
            assertThatThrownBy(() -> loader.load(null, inline))
                    .hasMessage("pom.xml <tools>: ci.tools[0].maxScore must be an integer 1..1000");
        }

        @Test
        void a_weight_above_100_is_refused() {
            InlineSettings inline = InlineSettings.none().set("scoring.weights.dynamic", 150,
                    new SettingSource.UserProperty("root24.dynamicWeight"));
            assertThatThrownBy(() -> loader.load(null, inline))
                    .hasMessage("-Droot24.dynamicWeight (command line or .mvn/maven.config): scoring.weights.dynamic must be an integer 0..100");
        }
    }

    /** An organisation makes every build continue the deployed chain; a team cannot fall back to a directory it controls. */
    @Nested
    class ChainStore {

        private Path org() throws Exception {
            Path org = dir.resolve("org.yaml");
            Files.writeString(org, "version: 1\nlocked: [worm.chainStore]\nworm:\n  chainStore: repository\n");
            return org;
        }

        @Test
        void a_locked_repository_chain_store_cannot_be_switched_back_to_a_directory() throws Exception {
            org();
            InlineSettings inline = InlineSettings.none().set("worm.chainStore", "directory",
                    new SettingSource.UserProperty("root24.chainStore"));
            assertThatThrownBy(() -> loader.load("org.yaml", inline)).isInstanceOf(PolicyException.class)
                    .hasMessageStartingWith("worm.chainStore is locked by org.yaml:2");
        }

        @Test
        void restating_the_locked_value_is_no_override_and_the_policy_value_is_effective() throws Exception {
            org();
            InlineSettings inline = InlineSettings.none().set("worm.chainStore", "repository",
                    new SettingSource.UserProperty("root24.chainStore"));
            assertThat(loader.load("org.yaml", inline).document().worm().chainStore()).isEqualTo("repository");
        }

        @Test
        void an_unknown_chain_store_is_refused_by_the_schema() throws Exception {
            InlineSettings inline = InlineSettings.none().set("worm.chainStore", "git",
                    new SettingSource.UserProperty("root24.chainStore"));
            assertThatThrownBy(() -> loader.load(null, inline)).isInstanceOf(PolicyException.class)
                    .hasMessageContaining("worm.chainStore");
        }
    }
}
