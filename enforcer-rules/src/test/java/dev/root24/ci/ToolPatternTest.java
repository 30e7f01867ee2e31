package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolPatternTest {

    static final ToolPattern GUARD = ToolPattern.of("./12_tooling/scripts/structure_guard.sh");

    @ParameterizedTest
    @ValueSource(strings = {
        "bash 12_tooling/scripts/structure_guard.sh",
        "12_tooling/scripts/structure_guard.sh",
        "./12_tooling/scripts/structure_guard.sh --strict",
        "\"$GITHUB_WORKSPACE/12_tooling/scripts/structure_guard.sh\"",
        "${{ github.workspace }}/12_tooling/scripts/structure_guard.sh",
        "cd 12_tooling/scripts && ./structure_guard.sh",
        "sh structure_guard.sh",
        "['structure_guard.sh']",
        "run structure_guard.sh.",
        "x=12_tooling/scripts/structure_guard.sh;",
        "--tool=structure_guard.sh",
    })
    void counts(String text) {
        assertThat(GUARD.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bash my_structure_guard.sh",
        "cp structure_guard.sh.bak /tmp",
        "structure_guard.shx",
        "structure_guard.sh/notes",
        "bash other/dir/structure_guard.sh",
        "bash scripts/structure_guard.sh",
        "structure-guard.sh",
        "Structure_Guard.sh",
        "12_tooling/scripts/structure_guard",
        "x-structure_guard.sh",
        "../structure_guard.sh",
        "",
    })
    void does_not_count(String text) {
        assertThat(GUARD.matches(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"config.yaml", "--config 12_tooling/hooks/pre_commit/config.yaml"})
    void a_generic_file_name_counts_bare_or_by_its_path(String text) {
        assertThat(ToolPattern.of("12_tooling/hooks/pre_commit/config.yaml").matches(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--config other/config.yaml", "--config pre_commit/config.yaml"})
    void a_generic_file_name_elsewhere_does_not(String text) {
        assertThat(ToolPattern.of("12_tooling/hooks/pre_commit/config.yaml").matches(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void a_directory_tool_matches_by_its_name_and_an_empty_one_matches_nothing() {
        assertThat(ToolPattern.of("23_compliance/policies/").matches("opa eval -d 23_compliance/policies data")).isTrue();
        assertThat(ToolPattern.of("./").matches("anything at all")).isFalse();
    }
}
