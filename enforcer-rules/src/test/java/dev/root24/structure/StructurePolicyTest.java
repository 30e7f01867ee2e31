package dev.root24.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.root24.policy.PolicyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StructurePolicyTest {

    @Test
    void defaultsAreTheTwentyFourModulesAndTheMavenAllowList() {
        StructurePolicy policy = StructurePolicy.defaults();

        assertThat(policy.expectedModules()).hasSize(24).startsWith("01_ai_layer").endsWith("24_meta_orchestration");
        assertThat(policy.modulePattern().pattern()).isEqualTo("^[0-9]{2}_.+$");
        assertThat(policy.allowedFiles()).contains("pom.xml", "mvnw", "mvnw.cmd", ".gitignore", ".gitattributes",
                "LICENSE", "README.md");
        assertThat(policy.allowedDirectories()).contains(".mvn", "target", ".git", ".github");
        assertThat(policy.forbiddenPatterns()).contains("*.zip", "*.tar.gz", ".coverage");
    }

    @Test
    void everyDefaultModuleMatchesTheDefaultPattern() {
        StructurePolicy policy = StructurePolicy.defaults();
        assertThat(policy.expectedModules()).allMatch(m -> policy.modulePattern().matcher(m).matches());
    }

    @Test
    void invalidRegexIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> StructurePolicy.builder().modulePattern("^[0-9{2}_").build())
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("modulePattern '^[0-9{2}_' is not a valid regular expression:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void invalidGlobIsRejected() {
        assertThatThrownBy(() -> StructurePolicy.builder().forbiddenPatterns(List.of("*.{zip")).build())
                .isInstanceOf(PolicyException.class)
                .hasMessage("'*.{zip' is not a valid glob pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "/etc/passwd", "docs/../../x"})
    void requiredEntriesMustStayInsideTheModule(String entry) {
        assertThatThrownBy(() -> StructurePolicy.builder().requiredModuleEntries(List.of(entry)).build())
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("requiredModuleEntries: '" + entry + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..", ""})
    void moduleNamesMustBePlainDirectoryNames(String name) {
        assertThatThrownBy(() -> StructurePolicy.builder().expectedModules(List.of(name)).build())
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("expectedModules:");
    }

    @Test
    void duplicateModuleIsRejected() {
        assertThatThrownBy(() -> StructurePolicy.builder().expectedModules(List.of("a", "a")).build())
                .hasMessage("expectedModules: 'a' is listed twice");
    }

    @Test
    void fingerprintChangesWithTheConfiguration() throws PolicyException {
        String base = StructurePolicy.defaults().fingerprint();
        String other = StructurePolicy.builder().allowFiles(List.of("x.txt")).build().fingerprint();
        assertThat(other).isNotEqualTo(base);
        assertThat(StructurePolicy.defaults().fingerprint()).isEqualTo(base);
    }
}
