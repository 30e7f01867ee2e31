package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ci.countedRuns} says in which CI runs a reference counts. Widening it (counting a
 * {@code workflow_dispatch} workflow that never runs by itself) is the cheapest way to points,
 * so a lock lets it only narrow, for the global setting and for every tool's own.
 */
class CountedRunsLockTest {

    private static final String ORG = """
            version: 1
            ci:
              countedRuns: {events: [push, pull_request], branches: [main]}
              tools:
                - id: nightly
                  path: tools/nightly.sh
                  referencedBy: [.github/workflows/nightly.yml]
                  countedRuns: {events: [schedule]}
            locked: [ci.countedRuns]
            """;
    private static final SettingSource POM = new SettingSource.PomParameter("<countedRuns>", "pom.xml");

    @TempDir
    Path dir;

    private PolicyLoader loader;

    @BeforeEach
    void setUp() throws Exception {
        loader = new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader());
        Files.writeString(dir.resolve("org.yaml"), ORG);
    }

    private EffectivePolicy team(String ci) throws Exception {
        Files.writeString(dir.resolve("team.yaml"), "version: 1\nextends: org.yaml\nci:\n" + ci.indent(2));
        return loader.load("team.yaml", InlineSettings.none());
    }

    @Test
    void the_setting_reaches_the_document() throws Exception {
        PolicyDocument.Ci ci = loader.load("org.yaml", InlineSettings.none()).document().ci();
        assertThat(ci.countedRuns()).isEqualTo(new PolicyDocument.CountedRuns(List.of("push", "pull_request"), List.of("main")));
        assertThat(ci.tools().get(0).countedRuns()).isEqualTo(new PolicyDocument.CountedRuns(List.of("schedule"), null));
    }

    @Test
    void adding_workflow_dispatch_under_the_lock_is_refused() {
        assertThatThrownBy(() -> team("countedRuns: {events: [push, pull_request, workflow_dispatch]}"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("ci.countedRuns.events is locked by org.yaml:9 (it may only be narrowed): team.yaml:4 "
                        + "tried [\"push\",\"pull_request\",\"workflow_dispatch\"]");
    }

    @Test
    void another_branch_from_a_pom_parameter_is_refused() {
        InlineSettings inline = InlineSettings.none().set("ci.countedRuns", Map.of("branches", List.of("main", "dev")), POM);
        assertThatThrownBy(() -> loader.load("org.yaml", inline))
                .hasMessageStartingWith("ci.countedRuns.branches is locked by org.yaml:9 (it may only be narrowed): pom.xml <countedRuns>");
    }

    @Test
    void narrowing_is_allowed_and_recorded() throws Exception {
        EffectivePolicy policy = team("countedRuns: {events: [push]}");
        assertThat(policy.document().ci().countedRuns().events()).containsExactly("push");
        assertThat(policy.overrides()).anySatisfy(o -> assertThat(o.key()).isEqualTo("ci.countedRuns.events"));
    }

    @Test
    void a_tool_of_the_team_with_wider_runs_is_refused() {
        assertThatThrownBy(() -> team("""
                tools:
                  - id: gate
                    path: tools/gate.sh
                    referencedBy: [.github/workflows/manual.yml]
                    countedRuns: {events: [workflow_dispatch]}
                """))
                .hasMessageStartingWith("ci.tools[gate].countedRuns.events is locked by org.yaml:9 (it may only be narrowed): team.yaml:");
    }

    @Test
    void dropping_a_tool_s_own_narrow_runs_is_refused() {
        // Without its own setting the nightly tool would count push and pull_request runs too.
        assertThatThrownBy(() -> team("""
                tools:
                  - id: nightly
                    path: tools/nightly.sh
                    referencedBy: [.github/workflows/nightly.yml]
                """))
                .hasMessageStartingWith("ci.tools[nightly].countedRuns.events is locked by org.yaml:9 (it may only be narrowed)");
    }

    @Test
    void without_a_lock_a_team_may_widen_and_the_change_is_recorded() throws Exception {
        Files.writeString(dir.resolve("org.yaml"), ORG.replace("locked: [ci.countedRuns]\n", ""));
        EffectivePolicy policy = team("countedRuns: {events: [push, workflow_dispatch]}");
        assertThat(policy.overrides()).anySatisfy(o -> {
            assertThat(o.key()).isEqualTo("ci.countedRuns.events");
            assertThat(o.effectiveValue()).contains("workflow_dispatch");
        });
    }

    @Test
    void an_unknown_key_or_an_empty_list_is_refused_by_the_schema() {
        assertThatThrownBy(() -> team("countedRuns: {event: [push]}")).hasMessageContaining("countedRuns");
        assertThatThrownBy(() -> team("countedRuns: {events: []}")).hasMessageContaining("countedRuns.events");
    }
}
