package dev.root24.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class OutputTailTest {

    private static final String SECRET = "hunter2-very-secret";
    private static final SecretMask MASK = SecretMask.of(Map.of("DEPLOY_TOKEN", SECRET));

    @Test
    void keepsOnlyTheLastCharacters() {
        OutputTail tail = new OutputTail(10, SecretMask.none());
        tail.drain(new ByteArrayInputStream("0123456789abcdefghij".getBytes(StandardCharsets.UTF_8)));
        assertThat(tail.text()).isEqualTo("abcdefghij");
        assertThat(tail.totalChars()).isEqualTo(20);
        assertThat(tail.truncated()).isTrue();
    }

    @Test
    void shortOutputIsKeptWhole() {
        OutputTail tail = new OutputTail(100, SecretMask.none());
        tail.drain(new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(tail.text()).isEqualTo("hello\n");
        assertThat(tail.truncated()).isFalse();
    }

    @Property(tries = 200)
    void aSecretSplitAcrossReadsIsMaskedWherever(@ForAll @IntRange(min = 0, max = 60) int prefix,
                                                  @ForAll @IntRange(min = 1, max = 40) int chunk,
                                                  @ForAll @IntRange(min = 5, max = 60) int limit) {
        String text = "x".repeat(prefix) + SECRET + "y".repeat(7) + SECRET;
        OutputTail tail = new OutputTail(limit, MASK);
        char[] all = text.toCharArray();
        for (int i = 0; i < all.length; i += chunk) {
            int n = Math.min(chunk, all.length - i);
            char[] part = new char[n];
            System.arraycopy(all, i, part, 0, n);
            tail.accept(part, n);
        }
        tail.finish();
        String kept = tail.text();
        assertThat(kept.length()).isLessThanOrEqualTo(limit);
        String expected = MASK.apply(text);
        assertThat(expected).endsWith(kept);
        // no fragment of the secret of 4 or more characters survives anywhere in what is kept
        for (int i = 0; i + 4 <= SECRET.length(); i++) {
            assertThat(kept).doesNotContain(SECRET.substring(i, i + 4));
        }
    }
}
