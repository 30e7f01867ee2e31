package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shell layer on its own: what a script does with each word that names the tool, resolved
 * against the working directory, and whether a failure there fails the step.
 */
class ShellScriptTest {

    static final ToolPattern TOOL = ToolPattern.of("12_tooling/scripts/structure_guard.sh");

    /** The first use naming the tool, as ReferenceSearch would judge it. */
    static ScriptUse use(String script, StepShell shell, StepContext context) {
        List<ScriptUse> uses = ShellScript.analyse(script, 1, shell, context, List.of(TOOL));
        return uses.stream().filter(u -> u.kind() == ScriptUse.Kind.DISABLES
                        ? u.path().path() != null && TOOL.isAtOrBelow(u.path().path())
                        : u.names(TOOL, context.workingDirectory()))
                .findFirst().orElse(null);
    }

    static ScriptUse use(String script) {
        return use(script, StepShell.DEFAULT, StepContext.ROOT);
    }

    /** Whether the script runs the tool and a failure of it fails the step. */
    static boolean counts(String script, StepShell shell) {
        List<ScriptUse> uses = ShellScript.analyse(script, 1, shell, StepContext.ROOT, List.of(TOOL));
        boolean disabled = uses.stream().anyMatch(u -> u.kind() == ScriptUse.Kind.DISABLES && u.path().path() != null
                && TOOL.isAtOrBelow(u.path().path()));
        return !disabled && uses.stream().anyMatch(u -> u.names(TOOL, "") && u.wouldCount() && u.because() == null);
    }

    static boolean counts(String script) {
        return counts(script, StepShell.DEFAULT);
    }

    @Nested
    class FailureUnderErrexit {

        @Test
        void semicolon_true_still_fails_at_the_tool_under_bash_e() {
            // errexit stops the script at the failing tool: `; true` never runs.
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh; true")).isTrue();
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh; true", StepShell.of("bash {0}"))).isFalse();
            assertThat(use("set +e\nbash 12_tooling/scripts/structure_guard.sh; true").because()).contains("set +e before it");
        }

        @Test
        void set_e_again_restores_the_failure() {
            assertThat(counts("set +e\necho a\nset -e\nbash 12_tooling/scripts/structure_guard.sh\necho done")).isTrue();
        }

        @Test
        void the_last_command_decides_without_errexit() {
            assertThat(counts("echo a\nbash 12_tooling/scripts/structure_guard.sh", StepShell.of("bash {0}"))).isTrue();
        }

        @Test
        void pipes_lose_the_failure_unless_pipefail() {
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh | tee log")).isFalse();
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh | tee log", StepShell.of("bash"))).isTrue();
            assertThat(counts("set -o pipefail\nbash 12_tooling/scripts/structure_guard.sh | tee log")).isTrue();
        }

        @Test
        void or_with_a_swallower_or_exit_0_is_swallowed_and_exit_1_is_not() {
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh || true")).isFalse();
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh || exit 0")).isFalse();
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh || exit 1")).isTrue();
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh || { echo failed; exit 1; }")).isTrue();
        }

        @Test
        void negation_background_and_conditions_do_not_fail_the_step() {
            assertThat(use("! bash 12_tooling/scripts/structure_guard.sh").because()).contains("inverted");
            assertThat(use("bash 12_tooling/scripts/structure_guard.sh &\nwait").because()).contains("background");
            assertThat(use("while bash 12_tooling/scripts/structure_guard.sh; do sleep 1; done").because()).contains("ends a loop");
            assertThat(counts("if ! bash 12_tooling/scripts/structure_guard.sh; then\n  exit 3\nfi\necho ok")).isTrue();
        }

        @Test
        void a_subshell_fails_with_the_tool_and_its_cd_stays_inside() {
            assertThat(counts("(cd 12_tooling && bash scripts/structure_guard.sh)")).isTrue();
            assertThat(counts("(cd 12_tooling)\nbash scripts/structure_guard.sh")).isFalse();
        }
    }

    @Nested
    class Reachability {

        @Test
        void exit_before_and_after() {
            assertThat(use("exit 0\nbash 12_tooling/scripts/structure_guard.sh").because()).isEqualTo("never reached (after exit on line 1)");
            assertThat(counts("bash 12_tooling/scripts/structure_guard.sh\nexit 0")).isTrue();
            assertThat(counts("test -f x || exit 0\nbash 12_tooling/scripts/structure_guard.sh")).isTrue();
        }

        @Test
        void constant_conditions() {
            assertThat(use("if false; then bash 12_tooling/scripts/structure_guard.sh; fi").because()).isEqualTo("never run (if false)");
            assertThat(counts("if true; then bash 12_tooling/scripts/structure_guard.sh; fi")).isTrue();
            assertThat(use("if true; then :; else bash 12_tooling/scripts/structure_guard.sh; fi").because())
                    .contains("always true");
            assertThat(use("false && bash 12_tooling/scripts/structure_guard.sh").because()).contains("never run");
            assertThat(use("while false; do bash 12_tooling/scripts/structure_guard.sh; done").because()).contains("never run");
        }

        @Test
        void a_syntax_error_stops_the_shell_there() {
            assertThat(use("echo 'it\\'s'\nbash 12_tooling/scripts/structure_guard.sh").because()).contains("syntax error");
            // The statement in error names no tool; what follows it still never runs.
            assertThat(use("echo 'unterminated\nexit 0\nbash 12_tooling/scripts/structure_guard.sh").because()).contains("syntax error");
            assertThat(use("if then fi\necho ok\nbash 12_tooling/scripts/structure_guard.sh").because()).contains("syntax error");
        }

        @Test
        void a_heredoc_runs_only_when_a_shell_reads_it() {
            assertThat(use("cat <<EOF\nbash 12_tooling/scripts/structure_guard.sh\nEOF").because()).contains("heredoc fed to cat");
            assertThat(counts("bash <<EOF\nbash 12_tooling/scripts/structure_guard.sh\nEOF")).isTrue();
            assertThat(counts("bash -n <<EOF\nbash 12_tooling/scripts/structure_guard.sh\nEOF")).isFalse();
        }

        @Test
        void bash_c_is_analysed_as_a_script_of_its_own() {
            assertThat(counts("bash -c 'bash 12_tooling/scripts/structure_guard.sh'")).isTrue();
            assertThat(counts("bash -c 'exit 0; bash 12_tooling/scripts/structure_guard.sh'")).isFalse();
        }
    }

    @Nested
    class WhatACommandDoesWithIt {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "bash 12_tooling/scripts/structure_guard.sh | true",
            "sh 12_tooling/scripts/structure_guard.sh | true",
            "./12_tooling/scripts/structure_guard.sh | true",
            "source 12_tooling/scripts/structure_guard.sh | true",
            "sudo -E bash 12_tooling/scripts/structure_guard.sh | true",
            "env A=1 bash 12_tooling/scripts/structure_guard.sh | true",
            "timeout 5m bash 12_tooling/scripts/structure_guard.sh | true",
            "bash -euo pipefail 12_tooling/scripts/structure_guard.sh | true",
            "pre-commit run --config=12_tooling/scripts/structure_guard.sh | true",
            "pytest 12_tooling | true",
            "python -m pytest 12_tooling/scripts | true",
            "bash 12_tooling/scripts/structure_guard.sh --strict | true",
            "cat 12_tooling/scripts/structure_guard.sh | false",
            "echo 12_tooling/scripts/structure_guard.sh | false",
            "printf '%s' 12_tooling/scripts/structure_guard.sh | false",
            ": 12_tooling/scripts/structure_guard.sh | false",
            "bash -n 12_tooling/scripts/structure_guard.sh | false",
            "chmod +x 12_tooling/scripts/structure_guard.sh | false",
            "GUARD=12_tooling/scripts/structure_guard.sh | false",
            "structure_guard.sh | false",
            "pytest other | false",
        })
        void counts_or_not(String script, boolean expected) {
            assertThat(counts(script)).as(script).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '@', value = {
            "rm -f 12_tooling/scripts/structure_guard.sh @ removed by rm",
            "rm -rf 12_tooling/scripts @ removed by rm",
            "cp /dev/null 12_tooling/scripts/structure_guard.sh @ overwritten by cp",
            "echo 'exit 0' >> 12_tooling/scripts/structure_guard.sh @ overwritten by a > redirection",
            "echo 'exit 0' | tee 12_tooling/scripts/structure_guard.sh @ overwritten by tee",
            "sed -i 's/exit 1/exit 0/' 12_tooling/scripts/structure_guard.sh @ edited in place by sed -i",
            "pytest 12_tooling --ignore 12_tooling/scripts @ excluded by --ignore",
        })
        void disables(String script, String why) {
            ScriptUse use = ShellScript.analyse(script + "\nbash 12_tooling/scripts/structure_guard.sh", 1, StepShell.DEFAULT,
                    StepContext.ROOT, List.of(TOOL)).stream().filter(u -> u.kind() == ScriptUse.Kind.DISABLES
                            && u.path().path() != null && TOOL.isAtOrBelow(u.path().path())).findFirst().orElse(null);
            assertThat(use).as(script).isNotNull();
            assertThat(counts(script + "\nbash 12_tooling/scripts/structure_guard.sh")).isFalse();
            assertThat(use.because()).isEqualTo(why);
        }

        @Test
        void a_variable_set_in_the_script_holds_the_path() {
            assertThat(counts("GUARD=12_tooling/scripts/structure_guard.sh\nbash \"$GUARD\"")).isTrue();
            assertThat(counts("for f in 12_tooling/scripts/structure_guard.sh; do bash \"$f\"; done")).isTrue();
            assertThat(counts("bash \"$UNSET/structure_guard.sh\"")).isFalse();
        }
    }

    @Nested
    class Resolution {

        StepContext in(String directory) {
            return StepContext.ROOT.in(directory);
        }

        @Test
        void relative_to_the_working_directory() {
            assertThat(use("./structure_guard.sh", StepShell.DEFAULT, in("12_tooling/scripts")).wouldCount()).isTrue();
            assertThat(use("bash scripts/structure_guard.sh", StepShell.DEFAULT, in("12_tooling")).wouldCount()).isTrue();
            assertThat(use("bash ../12_tooling/scripts/structure_guard.sh", StepShell.DEFAULT, in("13_ui_layer")).wouldCount()).isTrue();
            assertThat(use("./structure_guard.sh", StepShell.DEFAULT, in("13_ui_layer"))).isNull();
            assertThat(use("cd 12_tooling/scripts\n./structure_guard.sh")).isNotNull();
            assertThat(use("cd 13_ui_layer\n./structure_guard.sh")).isNull();
        }

        @Test
        void workspace_temp_and_home() {
            assertThat(counts("bash \"$GITHUB_WORKSPACE/12_tooling/scripts/structure_guard.sh\"")).isTrue();
            assertThat(counts("bash ${GITHUB_WORKSPACE}/12_tooling/scripts/structure_guard.sh")).isTrue();
            assertThat(counts("bash \"$RUNNER_TEMP/12_tooling/scripts/structure_guard.sh\"")).isFalse();
            assertThat(counts("cd \"$RUNNER_TEMP\"\nbash 12_tooling/scripts/structure_guard.sh")).isFalse();
            assertThat(counts("bash ~/12_tooling/scripts/structure_guard.sh")).isFalse();
            assertThat(counts("bash /tmp/12_tooling/scripts/structure_guard.sh")).isFalse();
        }

        @Test
        void an_unknown_directory_before_the_full_path_is_read_as_the_root_with_a_note() {
            ScriptUse use = use("bash \"$REPO/12_tooling/scripts/structure_guard.sh\"");
            assertThat(use.wouldCount()).isTrue();
            assertThat(use.path().note()).contains("not known statically");
        }

        @Test
        void step_env_and_expressions() {
            StepContext context = StepContext.ROOT.withEnv(Map.of("GUARD", "12_tooling/scripts/structure_guard.sh"))
                    .withMatrix(Map.of("dir", "12_tooling"));
            assertThat(use("bash \"$GUARD\"", StepShell.DEFAULT, context).wouldCount()).isTrue();
            assertThat(use("bash ${{ env.GUARD }}", StepShell.DEFAULT, context).wouldCount()).isTrue();
            assertThat(use("bash ${{ matrix.dir }}/scripts/structure_guard.sh", StepShell.DEFAULT, context).wouldCount()).isTrue();
            assertThat(use("bash ${{ inputs.dir }}/structure_guard.sh", StepShell.DEFAULT, context)).isNull();
        }

        @Test
        void working_directory_forms() {
            assertThat(StepContext.ROOT.in("./12_tooling/").workingDirectory()).isEqualTo("12_tooling");
            assertThat(StepContext.ROOT.in("${{ github.workspace }}/12_tooling").workingDirectory()).isEqualTo("12_tooling");
            assertThat(StepContext.ROOT.in("${{ inputs.dir }}").workingDirectory()).isNull();
            assertThat(StepContext.ROOT.in("../elsewhere").workingDirectory()).isNull();
        }
    }

    @Nested
    class HostileScripts {

        @Test
        void nesting_ten_thousand_deep_is_bounded_and_reported() {
            String script = "$(echo ".repeat(10_000) + "x" + ")".repeat(10_000) + "\nbash 12_tooling/scripts/structure_guard.sh";
            List<ScriptUse> uses = ShellScript.analyse(script, 1, StepShell.DEFAULT, StepContext.ROOT, List.of(TOOL));
            assertThat(uses).isNotNull();
            ScriptUse deep = ShellScript.analyse("echo " + "$(echo ".repeat(10_000) + "12_tooling/scripts/structure_guard.sh"
                    + ")".repeat(10_000), 1, StepShell.DEFAULT, StepContext.ROOT, List.of(TOOL)).stream()
                    .filter(u -> u.kind() == ScriptUse.Kind.IGNORED_TEXT).findFirst().orElseThrow();
            assertThat(deep.because()).isEqualTo("nested deeper than " + ShellScript.MAX_DEPTH + " levels, not analysed");
        }

        @Test
        void a_script_over_the_parser_limit_is_reported_not_read() {
            String script = "echo " + "x".repeat(ScriptParser.MAX_CHARS) + "; bash 12_tooling/scripts/structure_guard.sh";
            List<ScriptUse> uses = ShellScript.analyse(script, 1, StepShell.DEFAULT, StepContext.ROOT, List.of(TOOL));
            assertThat(uses).singleElement().satisfies(u -> {
                assertThat(u.kind()).isEqualTo(ScriptUse.Kind.IGNORED_TEXT);
                assertThat(u.because()).isEqualTo("in a script longer than 1048576 characters, not analysed");
            });
        }

        @Test
        void lone_surrogates_and_non_ascii_keep_offsets_and_lines_right() {
            ScriptUse use = use("echo '\uD800 é 😀 \0'\n# x\nbash 12_tooling/scripts/structure_guard.sh");
            assertThat(use.line()).isEqualTo(3);
            assertThat(use.wouldCount()).isTrue();
        }
    }

    @Test
    void a_grammar_that_cannot_load_is_one_line_naming_the_platform() {
        ScriptLanguage.Loaded broken = ScriptLanguage.Loaded.of("bash", () -> {
            throw new UnsatisfiedLinkError("no tree-sitter-bash in java.library.path\n\tat somewhere");
        });
        assertThatThrownBy(broken::get).isInstanceOf(ScriptParser.Unavailable.class)
                .hasMessageStartingWith("the tree-sitter bash parser cannot be loaded on this platform (")
                .hasMessageContaining("UnsatisfiedLinkError")
                .hasMessageNotContaining("\n")
                .hasMessageEndingWith("CI scripts cannot be analysed, so no reference is counted");
    }
}
