package dev.root24.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** Issue 12, item 14: a multi-line secret leaks through every form a shell or a report gives it. */
class SecretMaskTest {

    private static final String LINE_1 = "MIIKPgIBADALBglghkgBZQMEAxEEggoqMIIKJgQgq3YhXw0cL1vR8mJz2u5nQ9pW";
    private static final String LINE_2 = "T4sKx7eB0aD6fG3hJ2kL9mN1pQ5rS8tU4vW7xY0zA3bC6dE9fH2jK5lM8nP1qR4s";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\n" + LINE_1 + "\n" + LINE_2
            + "\n-----END PRIVATE KEY-----\n";
    private final SecretMask mask = SecretMask.of(Map.of("ROOT24_SIGNING_KEY", KEY));

    @Test
    void theWholeValueIsMasked() {
        assertThat(mask.apply("before " + KEY + " after")).isEqualTo("before **** after");
    }

    @Test
    void anUnquotedEchoThatTurnedNewlinesIntoSpacesIsMasked() {
        String echoed = KEY.strip().replaceAll("\\s+", " ") + "\n";
        assertThat(mask.apply(echoed)).doesNotContain(LINE_1).doesNotContain(LINE_2).isEqualTo("****\n");
    }

    @Test
    void everySingleLineIsMasked() {
        assertThat(mask.apply("line: " + LINE_2 + "\n")).isEqualTo("line: ****\n");
        assertThat(mask.apply(LINE_1)).isEqualTo("****");
    }

    @Test
    void theValueAsItStandsInsideAJsonStringIsMasked(@TempDir Path dir) throws Exception {
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("stdout", KEY));
        assertThat(json).contains("\\n");
        String masked = mask.apply(json);
        assertThat(masked).doesNotContain(LINE_1).doesNotContain(LINE_2);
        // still JSON
        assertThat(JsonMapper.builder().build().readTree(masked).path("stdout").stringValue()).isEqualTo("****");
        assertThat(mask.apply(json.getBytes(StandardCharsets.UTF_8))).asString(StandardCharsets.UTF_8).isEqualTo(masked);
    }

    @Test
    void aTokenIsMaskedInAnyReportTextNotOnlyInCheckOutput() {
        SecretMask env = SecretMask.of(Map.of("GITHUB_TOKEN", "ghp_Zk3q9VtY2pLmN8xR4sW7uB1cD6eF0gH5jK", "HOME", "/home/u"));
        assertThat(env.apply("FAIL entry 4: Unrecognized token 'ghp_Zk3q9VtY2pLmN8xR4sW7uB1cD6eF0gH5jK' at /home/u"))
                .isEqualTo("FAIL entry 4: Unrecognized token '****' at /home/u");
    }
}
