package dev.root24.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import java.util.stream.Stream;

import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededCases.Gen;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    static Stream<Arguments> prefixChunkLimit() {
        return SeededCases.of(200, Gen.ints(0, 60), Gen.ints(1, 40), Gen.ints(5, 60));
    }

    @SeededProperty
    @MethodSource("prefixChunkLimit")
    void aSecretSplitAcrossReadsIsMaskedWherever(int prefix, int chunk, int limit) {
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
