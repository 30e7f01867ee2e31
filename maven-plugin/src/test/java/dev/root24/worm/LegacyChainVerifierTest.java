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
            assertThat(p.message()).contains("entry 10 of 25");
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
