package dev.root24.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Test;

/** The repository the README's main command certifies must itself keep the lock it demonstrates. */
class ExampleRepositoryTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "ssid-repository");

    @Test
    void exampleRepositoryIsCompliantWithItsOwnPolicy() throws Exception {
        RepositoryRoot root = RepositoryRoot.of(EXAMPLE);
        EffectivePolicy policy = new PolicyLoader(root, getClass().getClassLoader())
                .load("23_compliance/policies/root24-policy.yaml", Map.of());

        StructureReport report = new StructureLock(StructurePolicy.from(policy.document().structure(), root))
                .check(root.directory());

        assertThat(report.violations()).isEmpty();
        assertThat(report.modulesFound()).isEqualTo(24);
        assertThat(policy.document().structure().requiredModuleEntries()).containsExactly("module.yaml", "README.md");
    }
}
