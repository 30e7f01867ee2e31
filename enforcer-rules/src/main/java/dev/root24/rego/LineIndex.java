package dev.root24.rego;

import java.util.Arrays;

/** Maps character offsets of a source to 1-based lines and back. */
final class LineIndex {

    private final String source;
    private final int[] lineStarts;

    LineIndex(String source) {
        this.source = source;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Offset just after the line's terminator ({@code \n}), or the end of the source. */
    int nextLineStart(int line) {
        return line < lineStarts.length ? lineStarts[line] : source.length();
    }

    /** Offset of the line's end, before {@code \r\n} or {@code \n}. */
    int lineEnd(int line) {
        int end = nextLineStart(line);
        if (end > lineStart(line) && end <= source.length() && end > 0 && source.charAt(end - 1) == '\n') {
            end--;
            if (end > lineStart(line) && source.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end;
    }
}
