package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyChainVerifierTest {

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(LegacyChainVerifierTest.class.getResource("/worm/" + name).toURI());
    }

    @Test
    void validFixturePassesWithItsLimitsStated() throws Exception {
        ChainVerification v = new LegacyChainVerifier().verify(fixture("legacy-worm-valid"));

        assertThat(v.entries()).isEqualTo(25);
        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        // Unsigned and unlinked: the verdict must not claim more than the layout proves.
        assertThat(v.outcome()).isEqualTo(Outcome.WARN);
        assertThat(String.join(" ", v.limits())).contains("deleted", "re-ordered", "who wrote");
    }

    @Test
    void tamperedFixtureFlagsExactlyTheTenthEntry() throws Exception {
        Path store = fixture("legacy-worm-tampered");
        String tenth;
        try (Stream<Path> files = Files.list(store)) {
            tenth = files.map(p -> p.getFileName().toString()).sorted().toList().get(9);
        }

        ChainVerification v = new LegacyChainVerifier().verify(store);

        assertThat(v.outcome()).isEqualTo(Outcome.FAIL);
        List<ChainProblem> failures = v.problems(Outcome.FAIL);
        assertThat(failures).isNotEmpty().allSatisfy(p -> {
            assertThat(p.index()).isEqualTo(9L);
            assertThat(p.file()).isEqualTo(tenth);
            assertThat(p.message()).startsWith("index 9 of 0..24 in file-name order");
        });
    }

    @Test
    void anEditWithRecomputedDigestsIsFlaggedByTheScoreItNoLongerMatches(@TempDir Path dir) throws Exception {
        Path source;
        try (Stream<Path> files = Files.list(fixture("legacy-worm-valid"))) {
            source = files.sorted().toList().get(0);
        }
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var root = (tools.jackson.databind.node.ObjectNode) mapper.readTree(source.toFile());
        var result = (tools.jackson.databind.node.ObjectNode) root.get("result");
        ((tools.jackson.databind.node.ObjectNode) result.get("summary")).put("overall_score", 99);
        byte[] dumped = PythonJson.dumps(result);
        var signature = (tools.jackson.databind.node.ObjectNode) root.get("worm_signature");
        signature.put("sha512", DigestAlgorithm.SHA_512.hex(dumped)).put("blake2b", DigestAlgorithm.BLAKE2B_256.hex(dumped));
        Path edited = dir.resolve(source.getFileName());
        Files.write(edited, mapper.writeValueAsBytes(root));

        List<ChainProblem> failures = new LegacyChainVerifier().verify(dir).problems(Outcome.FAIL);

        assertThat(failures).singleElement().satisfies(p -> {
            assertThat(p.index()).isZero();
            assertThat(p.message()).isEqualTo("index 0 of 0..0 in file-name order: worm_signature.overall_score does not"
                    + " match result.summary.overall_score (the result was edited and its digests recomputed?)");
        });
    }

    @Test
    void fallingTimestampIsReported(@TempDir Path dir) throws Exception {
        List<Path> valid;
        try (Stream<Path> files = Files.list(fixture("legacy-worm-valid"))) {
            valid = files.sorted().toList();
        }
        // Re-ordering by renaming: the later entry now sorts first, so its timestamp falls behind.
        Files.copy(valid.get(0), dir.resolve("b.json"));
        Files.copy(valid.get(1), dir.resolve("a.json"));

        ChainVerification v = new LegacyChainVerifier().verify(dir);

        assertThat(v.problems(Outcome.FAIL)).singleElement()
                .satisfies(p -> assertThat(p.file()).isEqualTo("b.json"))
                .satisfies(p -> assertThat(p.message()).contains("does not rise"));
    }

    @Test
    void deletionInsideALegacyStoreIsInvisibleAndSaidToBe(@TempDir Path dir) throws Exception {
        List<Path> valid;
        try (Stream<Path> files = Files.list(fixture("legacy-worm-valid"))) {
            valid = files.sorted().toList();
        }
        for (int i = 0; i < valid.size(); i++) {
            if (i != 5) {
                Files.copy(valid.get(i), dir.resolve(valid.get(i).getFileName()));
            }
        }

        ChainVerification v = new LegacyChainVerifier().verify(dir);

        assertThat(v.problems(Outcome.FAIL)).isEmpty();
        assertThat(v.limits()).anySatisfy(l -> assertThat(l).contains("deleted entry goes unnoticed"));
    }

    @Test
    void unreadableEntryIsReportedByName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.json"), "{\"result\": ");

        ChainVerification v = new LegacyChainVerifier().verify(dir);

        assertThat(v.problems(Outcome.FAIL)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("x.json");
            assertThat(p.message()).matches(".*: not a valid JSON file at byte \\d+");
        });
    }
}
