package dev.root24.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void splitsOnWhitespace() {
        assertThat(CommandLine.split("  bash 12_tooling/scripts/structure_guard.sh  "))
                .containsExactly("bash", "12_tooling/scripts/structure_guard.sh");
    }

    @Test
    void keepsQuotedArgumentsTogether() {
        assertThat(CommandLine.split("pre-commit run --config 'a b/c.yaml' \"x \\\"y\\\" $HOME\" it\\'s"))
                .containsExactly("pre-commit", "run", "--config", "a b/c.yaml", "x \"y\" $HOME", "it's");
    }

    @Test
    void emptyQuotesAreAnArgument() {
        assertThat(CommandLine.split("echo '' \"\"")).containsExactly("echo", "", "");
    }

    @Test
    void adjacentQuotesJoinOneWord() {
        assertThat(CommandLine.split("--name='a b'\"c\"d")).containsExactly("--name=a bcd");
    }

    @Test
    void rejectsBrokenCommands() {
        assertThatThrownBy(() -> CommandLine.split("echo 'open")).hasMessageContaining("unterminated single quote");
        assertThatThrownBy(() -> CommandLine.split("echo \"open")).hasMessageContaining("unterminated double quote");
        assertThatThrownBy(() -> CommandLine.split("echo \\")).hasMessageContaining("trailing backslash");
        assertThatThrownBy(() -> CommandLine.split("   ")).hasMessageContaining("empty");
    }
}
