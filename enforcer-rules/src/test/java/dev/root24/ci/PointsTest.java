package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointsTest {

    @ParameterizedTest(name = "max {0}, present {1}, {2}/{3} refs -> {4}")
    @CsvSource({
        "20, false, 2, 2, 0.0000",
        "20, true, 0, 3, 4.0000",
        "20, true, 2, 2, 20.0000",
        "15, true, 1, 2, 9.0000",
        "10, true, 1, 3, 4.6667",
        "10, true, 2, 3, 7.3333",
    })
    void the_seed_formula(int max, boolean present, int found, int total, String expected) {
        assertThat(Points.forTool(max, present, found, total).toDecimal()).isEqualByComparingTo(expected);
    }

    @Test
    void thirds_add_up_to_whole_points_so_the_floor_does_not_lose_one() {
        // 10·(3+4)/15 + 10·(3+8)/15 = 14/3 + 22/3 = 12 exactly: 60 of 20, not 59.
        Points sum = Points.forTool(10, true, 1, 3).plus(Points.forTool(10, true, 2, 3));
        assertThat(sum).isEqualTo(Points.of(12, 1));
        assertThat(sum.percentOf(20)).isEqualTo(60);
        // Three sevenths-based tools summing to a whole number.
        Points sevenths = Points.ZERO;
        for (int found = 1; found <= 6; found++) {
            sevenths = sevenths.plus(Points.forTool(7, true, found, 7));
        }
        assertThat(sevenths.denominator()).isEqualTo(java.math.BigInteger.valueOf(5));
    }

    @Test
    void percent_is_a_floor() {
        assertThat(Points.of(158, 3).percentOf(100)).isEqualTo(52);
        assertThat(Points.of(99999, 1000).percentOf(100)).isEqualTo(99);
        assertThat(Points.of(100, 1).percentOf(100)).isEqualTo(100);
        assertThat(Points.ZERO.percentOf(0)).isZero();
    }

    @Test
    void display_rounds_half_up_to_one_decimal() {
        assertThat(Points.of(16, 3)).hasToString("5.3");
        assertThat(Points.of(14, 3)).hasToString("4.7");
        assertThat(Points.of(4, 1)).hasToString("4.0");
        assertThat(Points.of(1, 20)).hasToString("0.1");
    }

    @Test
    void compares_by_value() {
        assertThat(Points.of(2, 4)).isEqualTo(Points.of(1, 2)).isEqualByComparingTo(Points.of(3, 6));
        assertThat(Points.of(16, 3)).isGreaterThan(Points.of(5, 1));
        assertThat(Points.of(16, 3).minus(Points.of(1, 3))).isEqualTo(Points.of(5, 1));
    }
}
