package dev.root24.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.RepositoryRoot;
import dev.root24.policy.RootExceptions;
import org.junit.jupiter.api.Test;

/** The repository the README's main command certifies must itself keep the lock it demonstrates. */
class ExampleRepositoryTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "ssid-repository");

    @Test
    void exampleRepositoryIsCompliantWithItsOwnConfiguration() throws Exception {
        RepositoryRoot root = RepositoryRoot.of(EXAMPLE);
        String exceptions = "23_compliance/exceptions/root_level_exceptions.yaml";
        StructurePolicy policy = StructurePolicy.builder()
                .requiredModuleEntries(List.of("module.yaml", "README.md"))
                .allow(RootExceptions.load(root.resolve(exceptions, "exceptionsFile"), exceptions))
                .build();

        StructureReport report = new StructureLock(policy).check(root.directory());

        assertThat(report.violations()).isEmpty();
        assertThat(report.modulesFound()).isEqualTo(24);
    }
}
