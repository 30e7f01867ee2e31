package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a reference, and what does not: one case per gaming attempt and per real wiring. */
class CountingRulesTest {

    static final String TOOL = "12_tooling/scripts/structure_guard.sh";
    static final String WORKFLOW = ".github/workflows/ci_structure_guard.yml";

    @TempDir
    Path root;

    ReferenceResult reference(String file, String content) throws Exception {
        SeedRepository.write(root, TOOL, "#!/bin/sh\n");
        SeedRepository.write(root, file, content);
        ToolSpec tool = new ToolSpec("structure_guard", TOOL, List.of(file), 20, "");
        StaticAnalysis analysis = new CiReferenceAnalyzer(RepositoryRoot.of(root)).analyze(List.of(tool));
        return analysis.tools().get(0).references().get(0);
    }

    /** A workflow passing the tool to a local reusable workflow. */
    static final String CALLS_REUSABLE = """
            on: push
            jobs:
              guard:
                uses: ./.github/workflows/reusable.yml
                with:
                  script: 12_tooling/scripts/structure_guard.sh
            """;

    /** A composite action that runs its {@code tool} input. */
    static final String RUN_TOOL_INPUT = """
            runs:
              using: composite
              steps:
                - shell: bash
                  run: bash "${{ inputs.tool }}"
            """;

    static String workflow(String steps) {
        return "name: guard\non:\n  push:\njobs:\n  guard:\n    runs-on: ubuntu-latest\n    steps:\n" + steps.indent(6);
    }

    @Nested
    class GamingAttemptsDoNotCount {

        @Test
        void a_yaml_comment() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("""
                    # runs 12_tooling/scripts/structure_guard.sh
                    - run: echo hello
                    """));
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).isEqualTo("mentioned on line 8 only in a YAML comment or a key that does not run");
        }

        @Test
        void a_trailing_yaml_comment() throws Exception {
            assertThat(reference(WORKFLOW, workflow("- run: echo hello # 12_tooling/scripts/structure_guard.sh\n")).status())
                    .isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_step_name() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("""
                    - name: bash 12_tooling/scripts/structure_guard.sh
                      run: echo hello
                    """));
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).isEqualTo("mentioned on line 8 only in a name");
        }

        @Test
        void a_workflow_name_or_job_name_or_env() throws Exception {
            assertThat(reference(WORKFLOW, """
                    name: structure_guard.sh
                    on: push
                    env:
                      TOOL: 12_tooling/scripts/structure_guard.sh
                    jobs:
                      guard:
                        name: structure_guard.sh
                        runs-on: ubuntu-latest
                        env:
                          TOOL: structure_guard.sh
                        steps:
                          - run: echo "$TOOL"
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_comment_line_inside_a_run_block() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("""
                    - run: |
                        echo start
                        # bash 12_tooling/scripts/structure_guard.sh
                        echo done
                    """));
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).isEqualTo("mentioned on line 10 only in a comment inside jobs.guard.steps[0].run");
        }

        @Test
        void a_step_with_if_false() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("""
                    - if: false
                      run: bash 12_tooling/scripts/structure_guard.sh
                    """));
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).contains("if: false");
        }

        @Test
        void a_step_with_if_false_as_an_expression_or_string() throws Exception {
            assertThat(reference(WORKFLOW, workflow("""
                    - if: ${{ false }}
                      run: bash 12_tooling/scripts/structure_guard.sh
                    - if: 'false'
                      run: bash 12_tooling/scripts/structure_guard.sh
                    """)).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_job_with_if_false() throws Exception {
            assertThat(reference(WORKFLOW, """
                    on: push
                    jobs:
                      never:
                        if: false
                        runs-on: ubuntu-latest
                        steps:
                          - run: bash 12_tooling/scripts/structure_guard.sh
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_bak_file_name() throws Exception {
            assertThat(reference(WORKFLOW, workflow("- run: cp 12_tooling/scripts/structure_guard.sh.bak /tmp\n")).status())
                    .isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_longer_file_name() throws Exception {
            assertThat(reference(WORKFLOW, workflow("- run: bash tools/my_structure_guard.sh\n")).status())
                    .isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_markdown_mention() throws Exception {
            ReferenceResult r = reference("docs/ci.md", """
                    # CI
                    The gate runs `bash 12_tooling/scripts/structure_guard.sh`:

                        bash 12_tooling/scripts/structure_guard.sh
                    """);
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).contains("prose");
        }

        @Test
        void a_shell_comment() throws Exception {
            assertThat(reference("ci/run.sh", "#!/bin/sh\n# bash 12_tooling/scripts/structure_guard.sh\necho ok # structure_guard.sh\n")
                    .status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_python_comment() throws Exception {
            assertThat(reference("tests/test_x.py", "import os  # 12_tooling/scripts/structure_guard.sh\n").status())
                    .isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_jenkinsfile_comment() throws Exception {
            assertThat(reference("Jenkinsfile", """
                    // sh 'bash 12_tooling/scripts/structure_guard.sh'
                    /* sh 'bash 12_tooling/scripts/structure_guard.sh'
                       sh 'structure_guard.sh' */
                    pipeline { agent any }
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void an_xml_comment() throws Exception {
            assertThat(reference("ci/pom.xml", """
                    <project>
                      <!-- <argument>12_tooling/scripts/structure_guard.sh</argument>
                           structure_guard.sh -->
                    </project>
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_pre_commit_hook_name_or_comment() throws Exception {
            assertThat(reference(".pre-commit-config.yaml", """
                    repos:
                      - repo: local
                        hooks:
                          # entry: bash 12_tooling/scripts/structure_guard.sh
                          - id: structure_guard.sh
                            name: structure_guard.sh
                            entry: echo ok
                            files: structure_guard.sh
                            language: system
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }

        @Test
        void a_gitlab_job_outside_its_script() throws Exception {
            assertThat(reference(".gitlab-ci.yml", """
                    stages: [test]
                    guard:
                      stage: test
                      variables:
                        TOOL: 12_tooling/scripts/structure_guard.sh
                      script:
                        - echo ok  # bash 12_tooling/scripts/structure_guard.sh
                    disabled:
                      when: never
                      script:
                        - bash 12_tooling/scripts/structure_guard.sh
                    """).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        }
    }

    @Nested
    class RealWiringCounts {

        @Test
        void run_bash_tool() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("- run: bash 12_tooling/scripts/structure_guard.sh\n"));
            assertThat(r).isEqualTo(new ReferenceResult(WORKFLOW, ReferenceStatus.FOUND, 8,
                    "jobs.guard.steps[0].run: triggered by push to main/master; failure fails job guard"));
        }

        @Test
        void a_multi_line_run_block() throws Exception {
            ReferenceResult r = reference(WORKFLOW, workflow("""
                    - name: Guard
                      run: |
                        set -e
                        # the guard:
                        "$GITHUB_WORKSPACE/12_tooling/scripts/structure_guard.sh" --strict
                    """));
            assertThat(r.status()).isEqualTo(ReferenceStatus.FOUND);
            assertThat(r.line()).isEqualTo(12);
        }

        @Test
        void a_reusable_workflow_with_the_tool_in_its_with() throws Exception {
            SeedRepository.write(root, ".github/workflows/reusable.yml", """
                    on: {workflow_call: {inputs: {script: {type: string}}}}
                    jobs:
                      run:
                        runs-on: ubuntu-latest
                        steps:
                          - run: bash "${{ inputs.script }}"
                    """);
            ReferenceResult r = reference(WORKFLOW, CALLS_REUSABLE);
            assertThat(r).isEqualTo(new ReferenceResult(WORKFLOW, ReferenceStatus.FOUND, 6,
                    "jobs.guard.with.script: triggered by push to main/master; failure fails job guard; an input the called file runs"));
        }

        @Test
        void not_an_input_of_a_local_workflow_that_does_not_exist() throws Exception {
            ReferenceResult r = reference(WORKFLOW, CALLS_REUSABLE);
            assertThat(r.status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
            assertThat(r.detail()).endsWith("not followed: jobs.guard.uses on line 4 (not found)");
        }

        @Test
        void a_step_uses_with_input() throws Exception {
            SeedRepository.write(root, ".github/actions/run-tool/action.yml", RUN_TOOL_INPUT);
            assertThat(reference(WORKFLOW, workflow("""
                    - uses: ./.github/actions/run-tool
                      with:
                        tool: ./12_tooling/scripts/structure_guard.sh
                    """)).status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void the_file_name_after_changing_directory() throws Exception {
            assertThat(reference(WORKFLOW, workflow("- run: cd 12_tooling/scripts && ./structure_guard.sh\n")).status())
                    .isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_pre_commit_entry() throws Exception {
            ReferenceResult r = reference("12_tooling/hooks/pre_commit/config.yaml", """
                    repos:
                      - repo: local
                        hooks:
                          - id: structure-guard
                            name: Structure guard
                            entry: bash 12_tooling/scripts/structure_guard.sh
                            language: system
                    """);
            assertThat(r).isEqualTo(new ReferenceResult("12_tooling/hooks/pre_commit/config.yaml", ReferenceStatus.FOUND, 6,
                    "repos[0].hooks[0].entry: runs in pre-commit's default stage; failure fails the hook"));
        }

        @Test
        void a_pre_commit_argument() throws Exception {
            assertThat(reference(".pre-commit-config.yaml", """
                    repos:
                      - repo: local
                        hooks:
                          - id: guard
                            entry: bash
                            args: [12_tooling/scripts/structure_guard.sh, --strict]
                            language: system
                    """).status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_gitlab_script() throws Exception {
            ReferenceResult r = reference(".gitlab-ci.yml", """
                    stages: [test]
                    guard:
                      stage: test
                      before_script:
                        - echo start
                      script:
                        - bash 12_tooling/scripts/structure_guard.sh
                    """);
            assertThat(r).isEqualTo(new ReferenceResult(".gitlab-ci.yml", ReferenceStatus.FOUND, 7,
                    "guard.script[0]: runs in a pipeline on main/master; failure fails job guard"));
        }

        @Test
        void a_python_test_that_opens_the_tool() throws Exception {
            ReferenceResult r = reference("23_compliance/tests/test_guard.py", """
                    \"\"\"Checks the guard script.\"\"\"
                    from pathlib import Path

                    def test_guard_is_executable():
                        # open the tool and check its shebang
                        with open("12_tooling/scripts/structure_guard.sh", encoding="utf-8") as f:
                            assert f.readline().startswith("#!")
                    """);
            assertThat(r).isEqualTo(new ReferenceResult("23_compliance/tests/test_guard.py", ReferenceStatus.FOUND, 6, "line 6"));
        }

        @Test
        void a_python_path_join() throws Exception {
            assertThat(reference("tests/test_y.py", "p = ROOT / '12_tooling' / 'scripts' / 'structure_guard.sh'\n").status())
                    .isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_shell_script_line() throws Exception {
            assertThat(reference("ci/run.sh", "#!/bin/sh\nset -e\nsh 12_tooling/scripts/structure_guard.sh\n").status())
                    .isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_jenkinsfile_step() throws Exception {
            assertThat(reference("Jenkinsfile", """
                    /* the gate */
                    pipeline { agent any; stages { stage('g') { steps { sh 'bash 12_tooling/scripts/structure_guard.sh' } } } }
                    """).status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void an_xml_argument() throws Exception {
            assertThat(reference("ci/pom.xml", "<project><!-- gate --><argument>12_tooling/scripts/structure_guard.sh</argument></project>\n")
                    .status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_composite_action_step() throws Exception {
            assertThat(reference(".github/actions/guard/action.yml", """
                    name: guard
                    description: runs structure_guard.sh
                    runs:
                      using: composite
                      steps:
                        - run: bash 12_tooling/scripts/structure_guard.sh
                          shell: bash
                    """).status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void a_plain_yaml_file_outside_ci_conventions() throws Exception {
            assertThat(reference("config/tools.yaml", "# comment\nguard: 12_tooling/scripts/structure_guard.sh\n").status())
                    .isEqualTo(ReferenceStatus.FOUND);
        }
    }

    @Nested
    class Yaml11Readings {

        @Test
        void a_bare_on_key_is_not_a_boolean_and_the_jobs_are_read() throws Exception {
            ReferenceResult r = reference(".ci/guard.yml", """
                    on:
                      push:
                    jobs:
                      guard:
                        runs-on: ubuntu-latest
                        steps:
                          - name: structure_guard.sh
                            run: bash 12_tooling/scripts/structure_guard.sh
                    """);
            // Classified as a workflow through its "on" key (read as the string "on", not true).
            assertThat(r).isEqualTo(new ReferenceResult(".ci/guard.yml", ReferenceStatus.FOUND, 8,
                    "jobs.guard.steps[0].run: triggered by push to main/master; failure fails job guard"));
        }

        @Test
        void the_project_yaml_reader_keeps_on_as_a_string_key() throws Exception {
            dev.root24.policy.YamlNode doc = new dev.root24.policy.YamlReader().parse("on:\n  push:\njobs: {}\n", "w.yml");
            assertThat(((dev.root24.policy.YamlNode.Mapping) doc).entries()).containsKeys("on", "jobs").doesNotContainKey("true");
        }

        @Test
        void yes_and_no_stay_strings_in_with_inputs() throws Exception {
            SeedRepository.write(root, ".github/actions/x/action.yml", RUN_TOOL_INPUT);
            assertThat(reference(WORKFLOW, workflow("""
                    - uses: ./.github/actions/x
                      with:
                        strict: no
                        tool: 12_tooling/scripts/structure_guard.sh
                    """)).status()).isEqualTo(ReferenceStatus.FOUND);
        }

        @Test
        void if_no_is_not_literally_false() throws Exception {
            // YAML 1.1 would read "no" as false; GitHub reads the string "no", a truthy expression.
            assertThat(reference(WORKFLOW, workflow("""
                    - if: no
                      run: bash 12_tooling/scripts/structure_guard.sh
                    """)).status()).isEqualTo(ReferenceStatus.FOUND);
        }
    }
}
