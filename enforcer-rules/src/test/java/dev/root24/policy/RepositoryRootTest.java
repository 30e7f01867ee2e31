package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryRootTest {

    @TempDir
    Path dir;

    @Test
    void resolvesPathsInsideTheRoot() throws Exception {
        RepositoryRoot root = RepositoryRoot.of(dir);
        assertThat(root.resolve("23_compliance/x.yaml", "exceptionsFile")).isEqualTo(dir.toRealPath().resolve("23_compliance/x.yaml"));
        assertThat(root.resolve("a/../b.yaml", "exceptionsFile")).isEqualTo(dir.toRealPath().resolve("b.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd"})
    void refusesPathsLeavingTheRoot(String hostile) throws Exception {
        RepositoryRoot root = RepositoryRoot.of(dir);
        assertThatThrownBy(() -> root.resolve(hostile, "exceptionsFile"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("exceptionsFile '" + hostile + "' is outside the repository root");
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutside(@TempDir Path outside) throws Exception {
        Files.writeString(outside.resolve("passwd"), "root:x");
        Files.createSymbolicLink(dir.resolve("link"), outside);
        RepositoryRoot root = RepositoryRoot.of(dir);

        assertThatThrownBy(() -> root.resolve("link/passwd", "exceptionsFile"))
                .hasMessage("exceptionsFile 'link/passwd' leads outside the repository root through a symbolic link");
    }

    @Test
    void acceptsASymbolicLinkThatStaysInside() throws Exception {
        Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
        assertThat(RepositoryRoot.of(dir).resolve("alias/file.yaml", "x")).isNotNull();
    }

    @Test
    void missingRootIsRefused() {
        assertThatThrownBy(() -> RepositoryRoot.of(dir.resolve("none")))
                .hasMessage("root directory " + dir.resolve("none") + " does not exist");
    }

    @Test
    void relativizeGivesForwardSlashes() throws Exception {
        RepositoryRoot root = RepositoryRoot.of(dir);
        assertThat(root.relativize(root.directory().resolve("a/b.txt"))).isEqualTo("a/b.txt");
    }
}
