package dev.root24.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentSyntaxTest {

    @ParameterizedTest
    @CsvSource({
        "run.sh, SHELL", "Makefile, SHELL", "Dockerfile, SHELL", "tool, SHELL",
        "test_x.py, HASH", "config.yaml, HASH", "pyproject.toml, HASH",
        "pytest.ini, INI", "setup.cfg, INI",
        "Jenkinsfile, C_STYLE", "build.gradle, C_STYLE", "ci.groovy, C_STYLE", "index.js, C_STYLE", "Gate.java, C_STYLE",
        "pom.xml, XML", "package.json, NONE",
        "README.md, PROSE", "notes.txt, PROSE", "guide.rst, PROSE", "page.html, PROSE",
    })
    void chosen_by_file_name(String name, CommentSyntax expected) {
        assertThat(CommentSyntax.forFile(name)).isEqualTo(expected);
    }

    @Test
    void shell_comments_start_at_a_word() {
        var s = CommentSyntax.SHELL.splitter();
        assertThat(s.split("echo a#b # c").code()).isEqualTo("echo a#b ");
        assertThat(s.split("echo '# not a comment' x").comment()).isEmpty();
        assertThat(s.split("  # all comment").code()).isBlank();
        assertThat(s.split("echo \"a \\\" # still quoted\" # c").comment()).isEqualTo("# c");
    }

    @Test
    void python_comments_start_anywhere_outside_strings() {
        var s = CommentSyntax.HASH.splitter();
        assertThat(s.split("x=1# c").code()).isEqualTo("x=1");
        assertThat(s.split("open('a#b')").comment()).isEmpty();
    }

    @Test
    void ini_comments() {
        var s = CommentSyntax.INI.splitter();
        assertThat(s.split("; x").code()).isEmpty();
        assertThat(s.split("# x").code()).isEmpty();
        assertThat(s.split("a = b ; c").code()).isEqualTo("a = b ; c");
    }

    @Test
    void block_comments_span_lines() {
        var c = CommentSyntax.C_STYLE.splitter();
        assertThat(c.split("a /* b").code()).isEqualTo("a  ");
        assertThat(c.split("still comment").code()).isBlank();
        assertThat(c.split("end */ code // rest").code()).isEqualTo("  code ");
        assertThat(c.split("s = \"http://x\"").code()).isEqualTo("s = \"http://x\"");

        var x = CommentSyntax.XML.splitter();
        assertThat(x.split("<a/><!-- c").code()).isEqualTo("<a/> ");
        assertThat(x.split("more -->tail").code()).isEqualTo(" tail");
    }

    @Test
    void prose_has_no_code() {
        assertThat(CommentSyntax.PROSE.splitter().split("bash x.sh").code()).isEmpty();
    }
}
