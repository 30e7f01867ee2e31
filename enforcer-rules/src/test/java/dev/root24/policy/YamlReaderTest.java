package dev.root24.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {

    @TempDir
    Path dir;

    private final YamlReader reader = new YamlReader();

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "ghp_0123456789abcdefSECRET",
        "token: \"ghp_0123456789abcdefSECRET",
        "a: [ghp_0123456789abcdefSECRET",
        "a: b: ghp_0123456789abcdefSECRET",
        "\tghp_0123456789abcdefSECRET: 1",
        "a: !!binary ghp_0123456789abcdefSECRET*",
        "a: 1\na: ghp_0123456789abcdefSECRET",
        "- ghp_0123456789abcdefSECRET\nb: c",
        "a: @ghp_0123456789abcdefSECRET",
    })
    void a_parse_error_never_repeats_the_file_s_text(String yaml) {
        // A policy path pointed at a token file must not print the token.
        try {
            reader.parse(yaml, "p.yaml");
        } catch (PolicyException e) {
            assertThat(e.getMessage()).startsWith("p.yaml").doesNotContain("SECRET").doesNotContain("ghp_");
        }
    }

    @Test
    void readsNestedStructureWithLines() throws Exception {
        YamlNode node = reader.parse("a:\n  b: [x, 2, true]\n  c: null\n  d:\non: push\n", "t.yaml");

        YamlNode.Mapping top = (YamlNode.Mapping) node;
        assertThat(top.entries()).containsOnlyKeys("a", "on");
        assertThat(top.lineOf("on")).isEqualTo(5);
        // YAML 1.2: a bare `on` key is the string "on", its value the string "push"
        assertThat(((YamlNode.Scalar) top.get("on")).value()).isEqualTo("push");
        YamlNode.Mapping a = (YamlNode.Mapping) top.get("a");
        YamlNode.Sequence b = (YamlNode.Sequence) a.get("b");
        assertThat(b.line()).isEqualTo(2);
        assertThat(b.items()).extracting(n -> ((YamlNode.Scalar) n).value()).containsExactly("x", 2, true);
        assertThat(((YamlNode.Scalar) a.get("c")).value()).isNull();
        assertThat(((YamlNode.Scalar) a.get("d")).value()).isNull();
    }

    @Test
    void syntaxErrorNamesFileAndLineOnOneLine() {
        assertThatThrownBy(() -> reader.parse("a: 1\nb: [unclosed\nc: 2\n", "policy.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("policy.yaml:3: invalid YAML: while parsing a flow sequence: expected ',' or ']', but got :");
    }

    @Test
    void duplicateKeysAreRejectedWithBothLines() {
        assertThatThrownBy(() -> reader.parse("a: 1\nb: 2\na: 3\n", "p.yaml"))
                .hasMessage("p.yaml:3: duplicate key 'a' (first on line 1)");
    }

    @Test
    void aliasesAreRefusedSoAnAliasBombCostsNothing() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        assertThatThrownBy(() -> reader.parse(bomb, "bomb.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("bomb.yaml:2:");
    }

    @Test
    void aCiReaderSharesTheAnchoredNodeWithItsOwnLines() throws Exception {
        YamlNode.Mapping doc = (YamlNode.Mapping) YamlReader.withAliases(1 << 20)
                .parse("a: &steps\n  - run: x\nb: *steps\nc: <<\n", "w.yml");
        assertThat(doc.get("b")).isSameAs(doc.get("a"));
        assertThat(((YamlNode.Sequence) doc.get("b")).items().get(0).line()).isEqualTo(2);
    }

    @Test
    void aCiReaderKeepsAMergeKeyAsAnEntryForTheCiSystemToDecide() throws Exception {
        YamlNode.Mapping doc = (YamlNode.Mapping) YamlReader.withAliases(1 << 20)
                .parse("t: &t {x: 1}\njob:\n  <<: *t\n  y: 2\n", "g.yml");
        assertThat(((YamlNode.Mapping) doc.get("job")).entries()).containsOnlyKeys("<<", "y");
    }

    @Test
    void aCiReaderRefusesAnAliasBombWhenItsExpansionPassesTheLimit() {
        String bomb = "a: &a [xxxxxxxxxx, xxxxxxxxxx, xxxxxxxxxx, xxxxxxxxxx, xxxxxxxxxx]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        assertThatThrownBy(() -> YamlReader.withAliases(10_000).parse(bomb, "bomb.yml"))
                .hasMessage("bomb.yml:4: YAML aliases expand to more than the limit of 10000 bytes (an alias bomb?)");
        // The same file within a larger budget is read: the limit is on the expansion, not on aliases.
        assertThatCode(() -> YamlReader.withAliases(1 << 20).parse(bomb, "bomb.yml")).doesNotThrowAnyException();
    }

    @Test
    void aCiReaderRefusesAnAliasToItselfOrToNoAnchor() {
        assertThatThrownBy(() -> YamlReader.withAliases(1 << 20).parse("a: &a [1, *a]\n", "r.yml"))
                .hasMessage("r.yml:1: YAML alias *a refers to the node that contains it");
        assertThatThrownBy(() -> YamlReader.withAliases(1 << 20).parse("a: *nothing\n", "u.yml"))
                .hasMessageContaining("u.yml:1:");
    }

    @Test
    void emptyDocumentIsAnEmptyScalar() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "");
        YamlNode node = reader.read(file, "empty.yaml");
        assertThat(node).isInstanceOf(YamlNode.Scalar.class);
        assertThat(((YamlNode.Scalar) node).value()).isNull();
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.yaml"), "cfg/nope.yaml"))
                .hasMessage("cfg/nope.yaml: file not found");
    }

    @Test
    void directoryIsRefused() {
        assertThatThrownBy(() -> reader.read(dir, "cfg"))
                .hasMessage("cfg: is a directory, expected a YAML file");
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws Exception {
        Path file = Files.write(dir.resolve("bin.yaml"), new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> reader.read(file, "bin.yaml")).hasMessage("bin.yaml:2: is not valid UTF-8 text");
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), "a: " + "x".repeat(2000) + "\n");
        assertThatThrownBy(() -> new YamlReader(1024).read(file, "big.yaml"))
                .hasMessage("big.yaml: is 2004 bytes, larger than the limit of 1024 bytes");
    }
}
