package dev.root24.enforcer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkipSwitchTest {

    private static Properties with(String value) {
        Properties p = new Properties();
        if (value != null) {
            p.setProperty("root24.skip", value);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "true", "TRUE", " true "})
    void aBareOrTrueSwitchSkips(String value) {
        assertThat(SkipSwitch.on(with(value), with(null))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "no", "0", "yes-please"})
    void anythingElseChecks(String value) {
        assertThat(SkipSwitch.on(with(value), with(null))).isFalse();
    }

    @Test
    void unsetChecks() {
        assertThat(SkipSwitch.on(with(null), with(null))).isFalse();
        assertThat(SkipSwitch.on(null, null)).isFalse();
    }

    @Test
    void aSystemPropertySkipsWhenTheCommandLineIsSilent() {
        assertThat(SkipSwitch.on(with(null), with("true"))).isTrue();
    }

    @Test
    void theCommandLineWinsOverASystemProperty() {
        assertThat(SkipSwitch.on(with("false"), with("true"))).isFalse();
    }

    @Test
    void theLogLineNamesTheRuleAndTheSwitch() {
        assertThat(SkipSwitch.message("root24Lock")).isEqualTo("root24Lock skipped (root24.skip)");
    }
}
