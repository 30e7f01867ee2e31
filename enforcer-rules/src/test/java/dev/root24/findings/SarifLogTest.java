package dev.root24.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import dev.root24.ci.ReferenceStatus;
import dev.root24.rego.RegoFinding;
import dev.root24.structure.ViolationKind;
import dev.root24.testing.SarifChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifLogTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Place POM = new Place("pom.xml", 21);

    private static Path repository(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        Files.writeString(dir.resolve("root24-policy.yaml"), "version: 1\n");
        Files.createDirectories(dir.resolve("25_extra"));
        Files.createDirectories(dir.resolve(".github/workflows"));
        Files.writeString(dir.resolve(".github/workflows/ci.yml"), "on: push\n");
        return dir;
    }

    private static JsonNode log(Path root, List<Finding> findings) {
        return new SarifLog("1.0", "root24-test/", root, POM, findings, Map.of()).toJson(MAPPER);
    }

    @Test
    void aResultIsNeverLocatedAtADirectoryAMissingFileALinkOrOutsideTheRepository(@TempDir Path dir) throws Exception {
        Path root = repository(dir.resolve("repo"));
        Files.writeString(dir.resolve("outside.yml"), "x");
        Files.createSymbolicLink(root.resolve("linked.yml"), dir.resolve("outside.yml"));
        Place policyLine = new Place("root24-policy.yaml", 7);
        List<Finding> hostile = List.of(
                new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, "03_core/", 0, "Locked module is missing.", "", policyLine),
                new Finding("root24Lock/UNAUTHORISED_DIRECTORY", Finding.Level.ERROR, "25_extra", 0, "Not allowed.", "", policyLine),
                new Finding("ciReferences/FILE_MISSING", Finding.Level.ERROR, ".github/workflows/gone.yml", 0, "Missing.", "",
                        new Place("root24-policy.yaml", 0)),
                new Finding("ciReferences/NOT_REFERENCED", Finding.Level.ERROR, "../outside.yml", 4, "Escapes.", ""),
                new Finding("ciReferences/NOT_REFERENCED", Finding.Level.ERROR, "linked.yml", 4, "A link.", ""),
                new Finding("root24Lock/CONFIGURATION", Finding.Level.ERROR, null, 0, "Bad policy.", ""),
                // a declaration that is itself no file falls back to the POM
                new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, "04_x/", 0, "Missing.", "", new Place("03_core/", 2)),
                new Finding("regoPackages/PACKAGE", Finding.Level.ERROR, ".github/workflows/ci.yml", 1, "On a real file.", ""));

        JsonNode log = log(root, hostile);

        assertThat(SarifChecks.codeScanningProblems(log, root)).isEmpty();
        assertThat(SarifChecks.schemaErrors(log.toString())).isEmpty();
        JsonNode results = log.get("runs").get(0).get("results");
        assertThat(results.valueStream().map(SarifLogTest::where)).containsExactly("root24-policy.yaml:7",
                "root24-policy.yaml:7", "root24-policy.yaml:1", "pom.xml:21", "pom.xml:21", "pom.xml:21", "pom.xml:21",
                ".github/workflows/ci.yml:1");
        // shown elsewhere, the message still names what it is about
        assertThat(results.get(0).get("message").get("text").asString()).startsWith("03_core/: ");
        assertThat(results.get(7).get("message").get("text").asString()).isEqualTo("On a real file.");
    }

    @Test
    void withNoPomEitherAResultHasNoLocationRatherThanAFalseOne(@TempDir Path dir) {
        JsonNode log = log(dir, List.of(new Finding("r/X", Finding.Level.ERROR, "gone/", 0, "Missing.", "")));
        assertThat(log.get("runs").get(0).get("results").get(0).has("locations")).isFalse();
        assertThat(SarifChecks.schemaErrors(log.toString())).isEmpty();
    }

    static Stream<Arguments> seeds() {
        return Stream.of(1L, 7L, 42L, 1234L, 987654321L).map(seed -> Arguments.of(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fingerprintsSurviveMovedLinesRenumberedMessagesAndReordering(long seed, @TempDir Path dir) throws Exception {
        Path root = repository(dir);
        List<Finding> first = new ArrayList<>(List.of(
                new Finding("ciReferences/PARSE_ERROR", Finding.Level.ERROR, ".github/workflows/ci.yml", 3,
                        "Does not run tool guard: parse error (line 3: mapping values are not allowed).", ""),
                new Finding("certify/CHECK_FAILED", Finding.Level.ERROR, null, 0, "check lint failed, exit 1", "", POM),
                new Finding("certify/CHECK_FAILED", Finding.Level.ERROR, null, 0, "check test failed, exit 2", "", POM),
                // alike but for a number: still two alerts, each keeping its own fingerprint
                new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, null, 0, "module 03 is missing", "", POM),
                new Finding("root24Lock/MISSING_MODULE", Finding.Level.ERROR, null, 0, "module 04 is missing", "", POM)));
        Random random = new Random(seed);
        List<Finding> second = new ArrayList<>();
        for (Finding f : first) {
            int shift = 1 + random.nextInt(50);
            second.add(new Finding(f.ruleId(), f.level(), f.file(), f.line() + shift,
                    f.message().replace("line 3", "line " + (3 + shift)).replace("exit 1", "exit 137"), f.fix(), f.declaredAt()));
        }
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        Collections.shuffle(order, random);

        List<String> before = SarifChecks.fingerprints(log(root, first));
        List<String> after = SarifChecks.fingerprints(log(root, order.stream().map(second::get).toList()));

        Map<Integer, String> afterByFinding = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            afterByFinding.put(order.get(i), after.get(i));
        }
        for (int i = 0; i < first.size(); i++) {
            assertThat(afterByFinding.get(i)).as("finding %d", i).isEqualTo(before.get(i));
        }
        assertThat(before).doesNotHaveDuplicates();
    }

    @Test
    void aDifferentFileRuleOrProblemIsADifferentAlert() {
        Finding base = new Finding("r/X", Finding.Level.ERROR, "a.rego", 3, "package x found", "");
        assertThat(SarifLog.hash(base)).isNotEqualTo(SarifLog.hash(new Finding("r/X", Finding.Level.ERROR, "b.rego", 3, "package x found", "")))
                .isNotEqualTo(SarifLog.hash(new Finding("r/Y", Finding.Level.ERROR, "a.rego", 3, "package x found", "")))
                .isNotEqualTo(SarifLog.hash(new Finding("r/X", Finding.Level.ERROR, "a.rego", 3, "package y found", "")));
        assertThat(SarifLog.normalise("Bad  value at line 12: exit 137")).isEqualTo("bad value at : exit 0");
    }

    /** Every rule id the rules can report, as RuleFindings makes them. */
    static List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        Arrays.stream(ViolationKind.values()).forEach(k -> ids.add("root24Lock/" + k));
        Arrays.stream(ReferenceStatus.values()).filter(s -> s != ReferenceStatus.FOUND).forEach(s -> ids.add("ciReferences/" + s));
        ids.add("ciReferences/TOOL_FILE");
        Arrays.stream(RegoFinding.Kind.values()).forEach(k -> ids.add("regoPackages/" + k));
        List.of("root24Lock", "ciReferences", "regoPackages").forEach(r -> ids.add(r + "/CONFIGURATION"));
        return ids;
    }

    @Test
    void everyRuleIdHasItsOwnHelpAndTheCatalogueIsValidSarif(@TempDir Path dir) throws Exception {
        Path root = repository(dir);
        assertThat(ruleIds()).allMatch(SarifRule::catalogued);
        List<Finding> one = ruleIds().stream().map(id -> new Finding(id, Finding.Level.WARNING, "pom.xml", 1, id, "")).toList();
        JsonNode log = log(root, one);
        assertThat(SarifChecks.schemaErrors(log.toString())).isEmpty();
        assertThat(SarifChecks.codeScanningProblems(log, root)).isEmpty();
        for (JsonNode rule : log.get("runs").get(0).get("tool").get("driver").get("rules")) {
            assertThat(rule.get("properties").get("precision").asString()).isIn("very-high", "high", "medium");
            assertThat(rule.get("properties").get("problem.severity").asString()).isIn("error", "warning", "recommendation");
            assertThat(rule.get("properties").has("security-severity")).isFalse();
        }
        // an id nobody catalogued still gets help, from its family or the generic entry
        assertThat(SarifRule.of("root24Lock/NEW_KIND").help()).isNotBlank();
        assertThat(SarifRule.of("someCheck/X").id()).isEqualTo("someCheck/X");
    }

    @Test
    void theSchemaCatchesAnInvalidLog() {
        // proves the validator validates: a wrong level and a missing message
        String broken = "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},"
                + "\"results\":[{\"ruleId\":\"a\",\"level\":\"fatal\"}]}]}";
        assertThat(SarifChecks.schemaErrors(broken)).isNotEmpty();
    }

    private static String where(JsonNode result) {
        JsonNode physical = result.get("locations").get(0).get("physicalLocation");
        String uri = physical.get("artifactLocation").get("uri").asString();
        return physical.has("region") ? uri + ":" + physical.get("region").get("startLine").asInt() : uri;
    }
}
