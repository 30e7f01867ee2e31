package dev.root24.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededCases.Gen;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegoAnalyzerTest {

    @Test
    void stringsRawStringsAndCommentsAreSingleTokens() throws Exception {
        List<RegoToken> tokens = RegoLexer.tokenize("x := \"a { # b\" # c {\ny := `p\n{`\n");
        assertThat(tokens).extracting(RegoToken::kind).containsExactly(
                RegoToken.Kind.WORD, RegoToken.Kind.SYMBOL, RegoToken.Kind.STRING, RegoToken.Kind.COMMENT,
                RegoToken.Kind.NEWLINE, RegoToken.Kind.WORD, RegoToken.Kind.SYMBOL, RegoToken.Kind.RAW_STRING,
                RegoToken.Kind.NEWLINE);
        assertThat(tokens.get(7).line()).isEqualTo(2);
        assertThat(tokens.get(8).line()).isEqualTo(3);
    }

    @Test
    void templateStringsKeepTheirBracesInside() throws Exception {
        RegoAnalysis a = RegoAnalyzer.analyse("package p\n\nmsg := $\"user {input.user}\" if {\n  true\n}\n");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void unreadableInputSaysWhereAndWhy() {
        assertThatThrownBy(() -> RegoAnalyzer.analyse("package p\n\nx := }\n"))
                .isInstanceOf(RegoAnalysisException.class).hasMessage("unbalanced '}'")
                .extracting(e -> ((RegoAnalysisException) e).line()).isEqualTo(3);
        assertThatThrownBy(() -> RegoAnalyzer.analyse("package p\nx := [1, 2}\n"))
                .isInstanceOf(RegoAnalysisException.class).hasMessage("'}' closes '[' opened on line 2");
        assertThatThrownBy(() -> RegoAnalyzer.analyse("package p\npackage q\n"))
                .isInstanceOf(RegoAnalysisException.class).hasMessage("second package statement (first on line 1)");
        assertThatThrownBy(() -> RegoAnalyzer.analyse("package p\n\n`open\n"))
                .isInstanceOf(RegoAnalysisException.class).hasMessage("unterminated raw string");
        assertThatThrownBy(() -> RegoAnalyzer.analyse("package p\n\"x\" := 1\n"))
                .isInstanceOf(RegoAnalysisException.class).hasMessageStartingWith("statement starts with '\"x\"'");
    }

    @Test
    void valueBracesAreNotBodies() throws Exception {
        RegoAnalysis a = RegoAnalyzer.analyse("""
                package p
                obj := {"a": {"b": 1}}
                s = {1, 2}
                c := {x | x := input[_]}
                both = {"k"} {
                    true
                }
                """);
        assertThat(a.findings()).extracting(SyntaxFinding::issue, SyntaxFinding::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SyntaxIssue.BODY_WITHOUT_IF, 5));
    }

    @Test
    void underV1ARefHeadWithIfIsNotAPartialSet() throws Exception {
        assertThat(RegoAnalyzer.analyse("package p\nimport rego.v1\nq[\"a\"] if { true }\n").findings()).isEmpty();
        assertThat(RegoAnalyzer.analyse("package p\nq[\"a\"] if { true }\n").findings()).isEmpty();
        assertThat(RegoAnalyzer.analyse("package p\nimport future.keywords.if\nq[\"a\"] if { true }\n").findings())
                .extracting(SyntaxFinding::issue)
                .containsExactly(SyntaxIssue.FUTURE_KEYWORDS_IMPORT, SyntaxIssue.PARTIAL_SET_WITHOUT_CONTAINS);
    }

    @Test
    void bodilessPartialSetGetsContains() throws Exception {
        RegoMigration m = new RegoMigration(RegoPolicy.builder().prefix("").build(), true);
        assertThat(m.planSource("x.rego", "package p\ntags[\"static\"]\n").rewritten())
                .isEqualTo("package p\ntags contains \"static\"\n");
    }

    /** Whatever the text, analysis either succeeds or says why it cannot: it never crashes. */
    @SeededProperty
    @MethodSource("regoish")
    void arbitraryTextNeverCrashes(String text) {
        try {
            RegoAnalysis a = RegoAnalyzer.analyse(text);
            RegoMigration m = new RegoMigration(RegoPolicy.builder().build(), true);
            RegoMigration.SourcePlan first = m.planSource("01ailayer_x.rego", text);
            assertThat(m.planSource("01ailayer_x.rego", first.rewritten()).changes()).isEmpty();
            assertThat(a).isNotNull();
        } catch (RegoAnalysisException e) {
            assertThat(e.line()).isPositive();
            assertThat(e.reason()).isNotBlank();
        } catch (dev.root24.policy.PolicyException e) {
            throw new AssertionError(e);
        }
    }

    static Stream<Arguments> regoish() {
        List<String> pieces = List.of("package ssid.01ailayer.x", "package p", "\n", "\r\n", " ", "deny", "[msg]",
                "{", "}", "[", "]", "(", ")", "if", "contains", "else", "=", ":=", "\"s{\"", "`r{`", "# c {", "x",
                "import future.keywords.if", "import rego.v1", "default", "|", ",", "1", "some", "in", "@", "\"");
        return SeededCases.of(400, Gen.joined(pieces, 40));
    }
}
