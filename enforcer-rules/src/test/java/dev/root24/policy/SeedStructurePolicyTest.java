package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStructurePolicyTest {

    @TempDir
    Path dir;

    private SeedStructurePolicy load(String yaml) throws Exception {
        return SeedStructurePolicy.load(Files.writeString(dir.resolve("structure_policy.yaml"), yaml),
                "23_compliance/policies/structure_policy.yaml");
    }

    @Test
    void readsTheSeedLayoutWithAList() throws Exception {
        SeedStructurePolicy seed = load("""
                version: "1.0"
                root_24_lock:
                  - 01_ai_layer
                  - 02_audit_logging
                module_pattern: '^[0-9]{2}_[a-z_]+$'
                enforcement: {mode: strict}
                """);

        assertThat(seed.modules()).containsExactly("01_ai_layer", "02_audit_logging");
        assertThat(seed.modulePattern()).isEqualTo("^[0-9]{2}_[a-z_]+$");
    }

    @Test
    void readsModulesFromAMap() throws Exception {
        assertThat(load("root_24_lock:\n  modules: [03_core]\n").modules()).containsExactly("03_core");
        assertThat(load("root_24_lock:\n  03_core: {owner: x}\n  04_deployment: {}\n").modules())
                .containsExactly("03_core", "04_deployment");
    }

    @Test
    void badShapesAreNamedWithTheirLine() {
        assertThatThrownBy(() -> load("root_24_lock:\n  enforce: true\n"))
                .hasMessage("23_compliance/policies/structure_policy.yaml:2: root_24_lock: expected a list of modules"
                        + " (or 'modules:'), found key 'enforce'");
        assertThatThrownBy(() -> load("module_pattern: '[0-9'\n"))
                .hasMessageStartingWith("23_compliance/policies/structure_policy.yaml:1: module_pattern is not a valid regular expression");
        assertThatThrownBy(() -> load("version: 1\n"))
                .hasMessage("23_compliance/policies/structure_policy.yaml:1: has neither 'root_24_lock' nor 'module_pattern'");
    }
}
