package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.root24.policy.PolicyDocument;
import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file, two tools: a nightly gate counts where the policy says nightly gates run, the others do not. */
class PerToolCountedRunsTest {

    private static final String NIGHTLY = ".github/workflows/nightly.yml";

    @TempDir
    Path root;

    @Test
    void a_schedule_workflow_counts_only_for_the_tool_whose_runs_include_schedule() throws Exception {
        SeedRepository.write(root, "tools/nightly.sh", "#!/bin/sh\nexit 1\n");
        SeedRepository.write(root, "tools/gate.sh", "#!/bin/sh\nexit 1\n");
        SeedRepository.write(root, NIGHTLY, """
                on:
                  schedule:
                    - cron: '0 3 * * *'
                jobs:
                  nightly:
                    runs-on: ubuntu-latest
                    steps:
                      - run: bash tools/nightly.sh && bash tools/gate.sh
                """);
        List<ToolSpec> tools = ToolSpec.countedIn(List.of(
                new ToolSpec("nightly", "tools/nightly.sh", List.of(NIGHTLY), 10, "", null,
                        CountedRuns.of(new PolicyDocument.CountedRuns(List.of("schedule"), null), null)),
                new ToolSpec("gate", "tools/gate.sh", List.of(NIGHTLY), 10, "")), null);

        List<ToolResult> results = new CiReferenceAnalyzer(RepositoryRoot.of(root)).analyze(tools).tools();

        assertThat(results.get(0).references().get(0).detail()).isEqualTo("jobs.nightly.steps[0].run: triggered by schedule to main; failure fails job nightly");
        assertThat(results.get(1).references().get(0).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        assertThat(results.get(1).references().get(0).detail()).contains("never triggered by push or pull_request to main/master (on: schedule only)");
    }

    @Test
    void the_global_setting_applies_to_tools_without_their_own() {
        List<ToolSpec> tools = ToolSpec.countedIn(List.of(new ToolSpec("gate", "tools/gate.sh", List.of(NIGHTLY), 10, "")),
                new PolicyDocument.CountedRuns(null, List.of("trunk")));
        assertThat(tools.get(0).countedRuns()).isEqualTo(new CountedRuns(List.of("push", "pull_request"), List.of("trunk")));
    }
}
