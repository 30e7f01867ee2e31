package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonJsonTest {

    private static String dumps(String json) {
        return new String(PythonJson.dumps(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8))),
                StandardCharsets.US_ASCII);
    }

    /** Values checked against CPython 3: {@code repr(float(x))}. */
    @ParameterizedTest
    @CsvSource({
        "9.0, 9.0",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1e16, 1e+16",
        "1234567890123456.0, 1234567890123456.0",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "1e23, 1e+23",
        "5e-324, 5e-324",
        "-0.0, -0.0",
        "1.5e300, 1.5e+300",
        "123456789012345678.0, 1.2345678901234568e+17",
        "-2.5, -2.5",
        "100.0, 100.0",
    })
    void floatsPrintAsPythonRepr(double value, String expected) {
        assertThat(PythonJson.repr(value)).isEqualTo(expected);
    }

    @Test
    void dumpsMatchesPythonByteForByte() {
        // python3 -c 'import json; print(json.dumps({"z":[1,9.0,True,None],"a":"\u2714 \U0001F600 \x7f\"\\\n"},
        //   ensure_ascii=True, separators=(",", ":"), sort_keys=True))'
        assertThat(dumps("{\"z\":[1,9.0,true,null],\"a\":\"\u2714 \ud83d\ude00 \u007f\\\"\\\\\\n\"}"))
                .isEqualTo("{\"a\":\"\\u2714 \\ud83d\\ude00 \\u007f\\\"\\\\\\n\",\"z\":[1,9.0,true,null]}");
    }

    @Test
    void keysSortByCodePointNotUtf16() {
        // U+FF61 < U+1F600 by code point, though its UTF-16 unit 0xFF61 sorts after the surrogate 0xD83D.
        assertThat(dumps("{\"\ud83d\ude00\":1,\"\uff61\":2}")).isEqualTo("{\"\\uff61\":2,\"\\ud83d\\ude00\":1}");
        assertThat(new String(CanonicalJson.canonicalize("{\"\ud83d\ude00\":1,\"\uff61\":2}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("{\"\ud83d\ude00\":1,\"\uff61\":2}");
    }

    @Test
    void bigIntegersStayExact() {
        assertThat(dumps("[123456789012345678901234567890]")).isEqualTo("[123456789012345678901234567890]");
    }
}
