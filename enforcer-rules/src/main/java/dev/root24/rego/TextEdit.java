package dev.root24.rego;

import java.util.Comparator;
import java.util.List;

/**
 * Replace the characters {@code [start, end)} of a source by {@code replacement}. An insertion
 * has {@code start == end}.
 */
public record TextEdit(int start, int end, String replacement) {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        }
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    /** Applies non-overlapping edits; they may be given in any order. */
    public static String apply(String source, List<TextEdit> edits) {
        List<TextEdit> sorted = edits.stream().sorted(Comparator.comparingInt(TextEdit::start)
                .thenComparingInt(TextEdit::end)).toList();
        StringBuilder out = new StringBuilder(source.length() + 64);
        int copied = 0;
        for (TextEdit edit : sorted) {
            if (edit.start < copied) {
                throw new IllegalArgumentException("overlapping edits at offset " + edit.start);
            }
            out.append(source, copied, edit.start).append(edit.replacement);
            copied = edit.end;
        }
        return out.append(source, copied, source.length()).toString();
    }
}
