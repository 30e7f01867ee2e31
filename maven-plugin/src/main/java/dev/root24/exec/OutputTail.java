package dev.root24.exec;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code limit} characters of a stream, masked, in memory bounded by the limit and
 * the longest secret whatever the stream's length. Fed by {@link #drain(InputStream)} on its own
 * thread.
 *
 * <p>Masking happens before text enters the ring, with a look-behind of the longest secret's
 * length held back, so that a secret split across two reads is still masked and the kept tail
 * never starts with the remainder of one.
 */
public final class OutputTail {

    private final int limit;
    private final SecretMask mask;
    private final char[] ring;
    private int start;
    private int size;
    private long total;
    private final StringBuilder pending = new StringBuilder();

    public OutputTail(int limit, SecretMask mask) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        this.limit = limit;
        this.mask = mask;
        this.ring = new char[limit];
    }

    /** Reads {@code in} to its end (or until it fails, e.g. closed after a kill), then closes it. */
    public void drain(InputStream in) {
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) >= 0) {
                accept(buffer, read);
            }
        } catch (IOException e) {
            // The stream ends this way when the process is killed; what was read is kept.
        } finally {
            finish();
        }
    }

    synchronized void accept(char[] chars, int count) {
        total += count;
        if (mask.isEmpty()) {
            append(chars, 0, count);
            return;
        }
        pending.append(chars, 0, count);
        String masked = mask.apply(pending.toString());
        // A secret may still be completed by the next read: hold back what could be its beginning.
        int keep = Math.min(masked.length(), mask.longest() - 1);
        int commit = masked.length() - keep;
        int lastMask = masked.lastIndexOf(SecretMask.MASK);
        if (lastMask >= 0) {
            commit = Math.max(commit, lastMask + SecretMask.MASK.length());
        }
        append(masked.toCharArray(), 0, commit);
        pending.setLength(0);
        pending.append(masked, commit, masked.length());
        // The held-back part can only grow to the longest secret: memory stays bounded.
    }

    synchronized void finish() {
        if (pending.length() > 0) {
            String masked = mask.apply(pending.toString());
            append(masked.toCharArray(), 0, masked.length());
            pending.setLength(0);
        }
    }

    private void append(char[] chars, int offset, int count) {
        if (limit == 0) {
            return;
        }
        int from = offset;
        int n = count;
        if (n >= limit) {
            from = offset + n - limit;
            n = limit;
        }
        for (int i = 0; i < n; i++) {
            int pos = (start + size) % limit;
            ring[pos] = chars[from + i];
            if (size < limit) {
                size++;
            } else {
                start = (start + 1) % limit;
            }
        }
    }

    /** The kept tail. */
    public synchronized String text() {
        StringBuilder out = new StringBuilder(size + pending.length());
        for (int i = 0; i < size; i++) {
            out.append(ring[(start + i) % limit]);
        }
        return out.toString();
    }

    /** How many characters the stream carried in all. */
    public synchronized long totalChars() {
        return total;
    }

    /** Whether the beginning of the output was dropped. */
    public synchronized boolean truncated() {
        return total > limit;
    }
}
