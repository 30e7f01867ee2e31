package dev.root24.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import dev.root24.testing.SeededCases.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class SeededCasesTest {

    private static List<Object> firsts(Stream<Arguments> cases) {
        return cases.map(a -> a.get()[0]).toList();
    }

    @Test
    void theSameSeedGivesTheSameCasesInTheSameOrder() {
        assertThat(firsts(SeededCases.of(300, Gen.strings()))).isEqualTo(firsts(SeededCases.of(300, Gen.strings())));
    }

    @Test
    void exactlyTheRequestedNumberOfCasesIsMade() {
        assertThat(SeededCases.of(200, Gen.ints(0, 60), Gen.ints(1, 40))).hasSize(200);
        assertThat(SeededCases.of(3, Gen.finiteDoubles())).hasSize(3);
    }

    @Test
    void everyEdgeOfEveryParameterIsTriedWhenThereIsRoom() {
        List<Arguments> cases = SeededCases.of(200, Gen.ints(0, 60), Gen.ints(1, 40), Gen.ints(5, 60)).toList();
        assertThat(cases.stream().map(a -> a.get()[0])).contains(0, 1, 59, 60);
        assertThat(cases.stream().map(a -> a.get()[1])).contains(1, 2, 39, 40);
        assertThat(cases.stream().map(a -> a.get()[2])).contains(5, 6, 59, 60);
        assertThat(cases.stream().flatMap(a -> Stream.of(a.get()))).allSatisfy(v -> assertThat((Integer) v)
                .isBetween(0, 60));
    }

    @Test
    void stringsReachEmptyUnicodeAndLoneSurrogates() {
        List<Object> strings = firsts(SeededCases.of(500, Gen.strings()));
        assertThat(strings).contains("", "\ud800", "\ud83d\ude00");
        assertThat(strings).anyMatch(s -> ((String) s).codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(strings).anyMatch(s -> ((String) s).chars().anyMatch(c -> c < 0x20));
    }

    @Test
    void doublesAreFiniteAndReachTheExtremes() {
        List<Object> doubles = firsts(SeededCases.of(2000, Gen.finiteDoubles()));
        assertThat(doubles).contains(Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 0.0);
        assertThat(doubles).allMatch(d -> Double.isFinite((Double) d));
        assertThat(doubles).anyMatch(d -> Math.abs((Double) d) > 1e100).anyMatch(d -> Math.abs((Double) d) < 1e-100);
    }

    @Test
    void theDisplayNameCarriesTheSeedAndAPrintableValue() {
        Arguments first = SeededCases.of(1, new Gen<>(List.of("a\u0000\"b"), r -> "x")).findFirst().orElseThrow();
        assertThat(((Arguments.ArgumentSet) first).getName())
                .isEqualTo("seed " + SeededCases.DEFAULT_SEED + " case 0: \"a\\u0000\\u0022b\"");
    }

    @Test
    void intsStayInsideTheirRangeAtTheLimitsOfInt() {
        assertThat(firsts(SeededCases.of(100, Gen.ints(Integer.MAX_VALUE - 2, Integer.MAX_VALUE))))
                .allSatisfy(v -> assertThat((Integer) v).isGreaterThanOrEqualTo(Integer.MAX_VALUE - 2));
    }
}
