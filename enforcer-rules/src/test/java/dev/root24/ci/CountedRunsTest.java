package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which runs count is a setting: a nightly gate counts on schedule, another team's default branch is develop. */
class CountedRunsTest {

    static final String WORKFLOW = ".github/workflows/nightly.yml";

    @TempDir
    Path root;

    ReferenceResult scan(String content, CountedRuns counted) {
        SeedRepository.write(root, WORKFLOW, content);
        return new CiFileScanner(1 << 20, counted)
                .scan(root.resolve(WORKFLOW), WORKFLOW, List.of(ToolPattern.of("tools/gate.sh"))).get(0);
    }

    static final String NIGHTLY = """
            on:
              schedule:
                - cron: '0 3 * * *'
            jobs:
              gate:
                runs-on: ubuntu-latest
                steps:
                  - run: bash tools/gate.sh
            """;

    @Test
    void aScheduleOnlyWorkflowCountsOnlyWhereScheduleIsCounted() {
        assertThat(scan(NIGHTLY, CountedRuns.DEFAULT).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        ReferenceResult nightly = scan(NIGHTLY, new CountedRuns(List.of("schedule"), List.of("main")));
        assertThat(nightly.status()).isEqualTo(ReferenceStatus.FOUND);
        assertThat(nightly.detail()).endsWith("triggered by schedule to main; failure fails job gate");
    }

    @Test
    void theCountedBranchesDecideBranchFiltersAndRefConditions() {
        String develop = """
                on:
                  push:
                    branches: [develop]
                jobs:
                  gate:
                    if: github.ref_name == 'develop'
                    runs-on: ubuntu-latest
                    steps:
                      - run: bash tools/gate.sh
                """;
        assertThat(scan(develop, CountedRuns.DEFAULT).status()).isEqualTo(ReferenceStatus.NOT_REFERENCED);
        assertThat(scan(develop, new CountedRuns(List.of("push"), List.of("develop"))).status()).isEqualTo(ReferenceStatus.FOUND);
    }

    @Test
    void countedRunsNeedAnEventAndABranch() {
        assertThatThrownBy(() -> new CountedRuns(List.of(), List.of("main"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountedRuns(List.of("push"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "main, main, true", "ma*, main, true", "*, feature/x, false", "**, feature/x, true", "feature/*, feature/a/b, false",
            "feature/**, feature/a/b, true", "mai?n, man, true", "mai?n, main, true", "ma+in, maaain, true", "[mn]ain, nain, true",
            "main, mainline, false", "release-v1.0, release-v1x0, false", "v1.*, v1.2, true",
    })
    void githubFilterPatterns(String pattern, String branch, boolean matches) {
        assertThat(WorkflowTriggers.glob(pattern).matcher(branch).matches()).isEqualTo(matches);
    }
}
