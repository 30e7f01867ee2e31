package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededCases.Gen;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TimeoutFormatTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"500ms, 500", "120s, 120000", "2m, 120000", "1h, 3600000", "120, 120000", "120 s, 120000",
            "PT2M, 120000", "pt2m, 120000", "PT1M30S, 90000", "PT0.5S, 500", "P1D, 86400000", "' 30s ', 30000",
            "24h, 86400000"})
    void everyFormOfThePomIsAccepted(String text, long millis) {
        assertThat(TimeoutFormat.parse(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "0", "0s", "PT0S", "-5s", "+5s", "1.5s", "1e3", "5 min", "5sec", "P", "PT",
            "PT-1S", "P1W", "25h", "P2D", "9999999999s", "99999999999999999999999h", "120s; rm -rf /", "１２０s"})
    void anythingElseIsRefusedInPlainWordsWithoutEchoingIt(String text) {
        assertThatThrownBy(() -> TimeoutFormat.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be " + TimeoutFormat.ACCEPTED);
    }

    @Test
    void theMessageHasNoRegularExpression() {
        assertThat(TimeoutFormat.ACCEPTED).doesNotContain("[", "^", "$", "|", "\\");
    }

    /** The schema is the policy file's first line of defence: it must say exactly what the parser says. */
    @Test
    void bothSchemaCopiesCarryThePatternAndTheWordsOfTheParser() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode bundled;
        try (InputStream in = getClass().getResourceAsStream("/root24/root24-policy.schema.json")) {
            bundled = json.readTree(in);
        }
        JsonNode published = json.readTree(Files.readString(Path.of("..", "docs", "root24-policy.schema.json")));
        for (JsonNode schema : new JsonNode[] {bundled, published}) {
            JsonNode timeout = schema.findValue("timeout");
            assertThat(timeout.get("pattern").asString()).isEqualTo(TimeoutFormat.PATTERN);
            assertThat(timeout.get("description").asString()).isEqualTo(TimeoutFormat.ACCEPTED);
        }
    }

    static Stream<Arguments> timeoutLikeText() {
        return SeededCases.of(1000, Gen.joined(java.util.List.of("0", "1", "9", "12", "999999999", " ", "ms", "s", "m",
                "h", "P", "p", "T", "D", "H", "M", "S", ".", ",", "-", "+", "W", "1234567890"), 8));
    }

    /** Whatever the text, the parser accepts only what the schema's pattern accepts, and never crashes. */
    @SeededProperty
    @MethodSource("timeoutLikeText")
    void theParserNeverAcceptsWhatTheSchemaRefuses(String text) {
        Duration value;
        try {
            value = TimeoutFormat.parse(text);
        } catch (IllegalArgumentException refused) {
            assertThat(refused).hasMessage("must be " + TimeoutFormat.ACCEPTED);
            return;
        }
        assertThat(Pattern.compile(TimeoutFormat.PATTERN).matcher(text.strip()).matches()).isTrue();
        assertThat(value).isPositive().isLessThanOrEqualTo(TimeoutFormat.MAXIMUM);
    }

    @Test
    void thePolicyFileAcceptsWhatThePomAccepts() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                checks:
                  - {id: a, command: x, timeout: PT2M}
                  - {id: b, command: x, timeout: 500ms}
                  - {id: c, command: x, timeout: 2m}
                  - {id: d, command: x, timeout: 120}
                """);
        EffectivePolicy policy = new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader()).load("p.yaml", Map.of());
        assertThat(policy.document().checks()).extracting(PolicyDocument.Check::timeout)
                .containsExactly("PT2M", "500ms", "2m", "120");
    }

    @Test
    void aBadTimeoutInThePolicyFileIsNamedWithFileAndLineInPlainWords() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), """
                version: 1
                checks:
                  - id: a
                    command: x
                    timeout: two minutes
                  - id: b
                    command: x
                    timeout: 0
                  - id: c
                    command: x
                    timeout: 86401
                """);
        assertThatThrownBy(() -> new PolicyLoader(RepositoryRoot.of(dir), getClass().getClassLoader()).load("p.yaml", Map.of()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:5: checks[0].timeout must be " + TimeoutFormat.ACCEPTED)
                .hasMessageContaining("p.yaml:8: checks[1].timeout must be " + TimeoutFormat.ACCEPTED)
                .hasMessageContaining("p.yaml:11: checks[2].timeout must be " + TimeoutFormat.ACCEPTED)
                .hasMessageNotContaining("two minutes");
    }
}
