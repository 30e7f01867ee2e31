package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededCases.Gen;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {

    private static String canon(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void a_reason_that_may_quote_a_value_is_never_shown() {
        // A number with no RFC 8785 form: its message quotes the number, which came from the file.
        byte[] json = "{\"token\": 1e400123456789}".getBytes(StandardCharsets.UTF_8);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CanonicalJson.canonicalize(json));
        assertThat(CanonicalJson.describe(e, "JSON document")).isEqualTo("not a valid JSON document: a value has no canonical JSON form");
        assertThat(CanonicalJson.describe(new IllegalArgumentException("ghp_0123456789secret"), "DSSE envelope"))
                .doesNotContain("ghp_");
        // Shape reasons name members only, and are shown.
        assertThat(CanonicalJson.describe(new CanonicalJson.ShapeProblem("member 'payload' is not a string"), "DSSE envelope"))
                .isEqualTo("not a valid DSSE envelope: member 'payload' is not a string");
    }

    @Test
    void rfc8785MainExample() {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;
        assertThat(canon(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void rfc8785SortsByUtf16CodeUnits() {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;
        assertThat(canon(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    /** RFC 8785 Appendix B: IEEE-754 bit patterns and their canonical text. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785AppendixBNumbers(String bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(CanonicalJson.ecmaScript(value)).isEqualTo(expected);
    }

    @Test
    void nonFiniteNumbersHaveNoCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.ecmaScript(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canon("[1e400]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateMembersAndLoneSurrogatesAreRejected() {
        assertThatThrownBy(() -> canon("{\"a\":1,\"a\":2}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canon("[\"\\ud800\"]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersBeyondDoublePrecisionPrintAsTheDoubleTheyDenote() {
        assertThat(canon("[12345678901234567890, 10, -0, 1.0]")).isEqualTo("[12345678901234567000,10,0,1]");
    }

    static Stream<Arguments> finiteDoubles() {
        return SeededCases.of(2000, Gen.finiteDoubles());
    }

    @SeededProperty
    @MethodSource("finiteDoubles")
    void everyFiniteDoubleRoundTrips(double value) {
        String text = CanonicalJson.ecmaScript(value);
        assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(canon(text)).isEqualTo(text);
    }

    static Stream<Arguments> keyValueNumber() {
        return SeededCases.of(500, Gen.strings(), Gen.strings(), Gen.longs());
    }

    @SeededProperty
    @MethodSource("keyValueNumber")
    void canonicalFormIsAFixedPoint(String key, String value, long number) {
        String json = "{\"" + escape(key) + "\":[\"" + escape(value) + "\"," + number + "]}";
        try {
            String once = canon(json);
            assertThat(canon(once)).isEqualTo(once);
        } catch (IllegalArgumentException loneSurrogate) {
            assertThat(key + value).matches(s -> s.chars().anyMatch(c -> Character.isSurrogate((char) c)));
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
