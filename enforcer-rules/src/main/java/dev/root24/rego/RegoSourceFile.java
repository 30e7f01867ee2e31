package dev.root24.rego;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A Rego file's exact bytes and, when they are text, its characters. Decoding is strict: a file
 * that is not UTF-8, or holds a NUL, is refused, so a rewrite can never garble bytes it did not
 * understand and unchanged parts are written back byte for byte.
 *
 * @param bytes the file's content as read
 * @param text the content decoded as UTF-8
 */
public record RegoSourceFile(byte[] bytes, String text) {

    /** Larger files are refused rather than read: no policy file is this big. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /**
     * Reads {@code file}, never following a symbolic link.
     *
     * @throws RegoAnalysisException if it is not UTF-8 text or is too large
     * @throws IOException if it cannot be read
     */
    public static RegoSourceFile read(Path file) throws IOException, RegoAnalysisException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new RegoAnalysisException(1, "larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB");
        }
        return decode(bytes);
    }

    public static RegoSourceFile decode(byte[] bytes) throws RegoAnalysisException {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new RegoAnalysisException(lineAt(bytes, i), "binary content (NUL byte), not Rego source");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RegoAnalysisException(lineAt(bytes, in.position()), "not UTF-8 text (invalid byte sequence)");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new RegoAnalysisException(lineAt(bytes, bytes.length), "not UTF-8 text (truncated sequence)");
        }
        out.flip();
        return new RegoSourceFile(bytes, out.toString());
    }

    /**
     * The UTF-8 bytes of a rewritten text. Edits only ever insert ASCII or move text that was
     * decoded strictly, so the text holds no lone surrogates and this round-trips exactly.
     */
    public static byte[] encode(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
