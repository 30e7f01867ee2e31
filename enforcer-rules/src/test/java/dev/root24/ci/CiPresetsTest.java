package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.policy.YamlReader;
import org.junit.jupiter.api.Test;

class CiPresetsTest {

    @Test
    void ssid_holds_the_seeds_seven_tools() throws Exception {
        List<ToolSpec> tools = CiPresets.load("ssid");
        assertThat(tools).extracting(ToolSpec::id).containsExactly("structure_guard", "structure_policy_opa",
                "root_exceptions", "structure_lock_gate", "pre_commit_hooks", "pytest_structure_tests", "worm_audit_logging");
        assertThat(tools).extracting(ToolSpec::maxScore).containsExactly(20, 15, 10, 20, 15, 10, 10);
        assertThat(tools.get(3)).isEqualTo(new ToolSpec("structure_lock_gate",
                "24_meta_orchestration/triggers/ci/gates/structure_lock_l3.py",
                List.of(".github/workflows/ci_structure_guard.yml", ".github/workflows/ci_enforcement_gate.yml",
                        "12_tooling/hooks/pre_commit/config.yaml"),
                20, "Structure lock gate (L3)"));
        assertThat(tools).extracting(t -> t.referencedBy().size()).containsExactly(2, 3, 2, 3, 2, 3, 2);
    }

    @Test
    void unknown_or_hostile_names_are_refused() {
        assertThatThrownBy(() -> CiPresets.load("nope")).isInstanceOf(PolicyException.class)
                .hasMessage("unknown ciReferences preset 'nope' (known: ssid)");
        assertThatThrownBy(() -> CiPresets.load("../../etc/passwd")).hasMessageContaining("unknown ciReferences preset");
        assertThatThrownBy(() -> CiPresets.load(null)).hasMessageContaining("unknown ciReferences preset");
    }

    @Test
    void malformed_tool_lists_name_the_place() {
        YamlReader yaml = new YamlReader();
        assertThatThrownBy(() -> CiPresets.parse(yaml.parse("tools:\n  - id: a\n    path: b\n    referencedBy: [c]\n    maxScore: x\n", "p"), "p"))
                .hasMessage("p:5: tool key 'maxScore' must be a whole number");
        assertThatThrownBy(() -> CiPresets.parse(yaml.parse("tools:\n  - id: a\n    pth: b\n", "p"), "p"))
                .hasMessageStartingWith("p:3: unknown key 'tools[].pth'");
        assertThatThrownBy(() -> CiPresets.parse(yaml.parse("tool: []\n", "p"), "p")).hasMessageStartingWith("p:1: unknown key 'tool'");
        assertThatThrownBy(() -> CiPresets.parse(yaml.parse("- a\n", "p"), "p")).hasMessageContaining("expected a map");
    }

    @Test
    void inline_tools_extend_the_preset_and_replace_a_tool_with_the_same_id() throws Exception {
        ToolSpec guard = new ToolSpec("structure_guard", "tools/guard.sh", List.of("ci.sh"), 5, "");
        ToolSpec extra = new ToolSpec("extra", "tools/extra.sh", List.of("ci.sh"), 5, "");
        List<ToolSpec> tools = CiPresets.combine("ssid", List.of(guard, extra));
        assertThat(tools).hasSize(8);
        assertThat(tools.get(0)).isEqualTo(guard);
        assertThat(tools.get(7)).isEqualTo(extra);
        assertThat(CiPresets.combine(null, List.of(extra))).containsExactly(extra);
    }

    @Test
    void combining_refuses_nothing_and_duplicates() {
        ToolSpec extra = new ToolSpec("extra", "tools/extra.sh", List.of("ci.sh"), 5, "");
        assertThatThrownBy(() -> CiPresets.combine(" ", List.of())).hasMessage(
                "no tools to check: configure <tools> or a <preset> (ssid)");
        assertThatThrownBy(() -> CiPresets.combine(null, List.of(extra, extra)))
                .hasMessage("<tools>: duplicate tool id 'extra'");
        assertThatThrownBy(() -> CiPresets.combine(null, List.of(new ToolSpec("x", "", List.of("a"), 1, ""))))
                .hasMessage("<tools>: tool 'x' has no path");
    }
}
