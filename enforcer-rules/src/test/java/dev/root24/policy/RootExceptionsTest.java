package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootExceptionsTest {

    @TempDir
    Path dir;

    private RootExceptions load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("root_level_exceptions.yaml"), yaml);
        return RootExceptions.load(file, "23_compliance/exceptions/root_level_exceptions.yaml");
    }

    private void assertRejected(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(PolicyException.class).hasMessage(message);
    }

    @Test
    void collectsEveryStringOfNestedGroups() throws Exception {
        RootExceptions exceptions = load("""
                version: 1.0
                root_level_exceptions:
                  allowed_directories:
                    git_infrastructure: [.git, .github/]
                    tooling:
                      caches:
                        - .pytest_cache
                  allowed_files:
                    configuration:
                      - pytest.ini
                      - .pre-commit-config.yaml
                    licensing: [LICENSE]
                """);

        assertThat(exceptions.directories()).containsExactlyInAnyOrder(".git", ".github", ".pytest_cache");
        assertThat(exceptions.files()).containsExactlyInAnyOrder("pytest.ini", ".pre-commit-config.yaml", "LICENSE");
    }

    @Test
    void plainListsAndEmptySectionsAreAccepted() throws Exception {
        RootExceptions exceptions = load("root_level_exceptions:\n  allowed_files: [a.txt]\n  allowed_directories:\n");
        assertThat(exceptions.files()).containsExactly("a.txt");
        assertThat(exceptions.directories()).isEmpty();
    }

    @Test
    void unknownKeyIsNamedWithItsLine() {
        assertRejected("root_level_exceptions:\n  allowed_files: []\n  alowed_directories: []\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:3: unknown key "
                        + "'root_level_exceptions.alowed_directories' (expected one of allowed_directories, allowed_files, description)");
    }

    @Test
    void unknownTopLevelKeyIsNamed() {
        assertRejected("root_level_exception:\n  allowed_files: []\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:1: unknown key 'root_level_exception' "
                        + "(expected one of description, metadata, root_level_exceptions, version)");
    }

    @Test
    void wrongTypesAreNamedWithTheirPath() {
        assertRejected("root_level_exceptions:\n  allowed_files:\n    config:\n      - {a: 1}\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:4: root_level_exceptions.allowed_files.config[0] "
                        + "must be a file or directory name, found a map");
        assertRejected("root_level_exceptions:\n  allowed_files: 3\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:2: root_level_exceptions.allowed_files "
                        + "must be a list of names or a map of named groups, found a number");
        assertRejected("root_level_exceptions: [a]\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:1: root_level_exceptions must be a map, found a list");
        assertRejected("- a\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:1: expected a map with key 'root_level_exceptions', found a list");
    }

    @Test
    void missingSectionIsNamed() {
        assertRejected("version: 1\n",
                "23_compliance/exceptions/root_level_exceptions.yaml:1: missing key 'root_level_exceptions'");
    }

    @Test
    void syntaxErrorCarriesTheLine() {
        assertThatThrownBy(() -> load("root_level_exceptions:\n  allowed_files: [a\n  b: c\n"))
                .hasMessageStartingWith("23_compliance/exceptions/root_level_exceptions.yaml:")
                .hasMessageContaining("invalid YAML");
    }
}
