package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestNameTest {

    private static final List<String> TIERS = List.of("PLATINUM", "GOLD", "SILVER", "BRONZE", "NONE");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"SILVR, SILVER", "silvr, SILVER", "GOLDEN, GOLD", "PLATNIUM, PLATINUM", "bronz, BRONZE", "NOEN, NONE"})
    void aTypoOfATierFindsIt(String typo, String meant) {
        assertThat(NearestName.to(typo, TIERS)).contains(meant);
    }

    @Test
    void somethingUnlikeEveryCandidateGetsNoHint() {
        assertThat(NearestName.to("gilded", TIERS)).isEmpty();
        assertThat(NearestName.to("", TIERS)).isEmpty();
        assertThat(NearestName.to(null, TIERS)).isEmpty();
        assertThat(NearestName.to("x", List.of())).isEmpty();
    }

    @Test
    void transposedLettersCountAsOneTypo() {
        assertThat(NearestName.distance("failbelow", "failbleow")).isEqualTo(1);
    }

    @Test
    void aMistypedTierInThePolicyFileGetsADidYouMean() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "version: 1\nfailBelow: SILVR\n");
        assertThatThrownBy(() -> new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader()).load("p.yaml", Map.of()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:2: failBelow must be one of PLATINUM, GOLD, SILVER, BRONZE, NONE"
                        + " (did you mean 'SILVER'?)");
    }
}
