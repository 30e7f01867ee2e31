package dev.root24.ci;

import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;

/**
 * Parses a script with its language's tree-sitter grammar. Only {@code parseString} is used: the
 * binding's byte-array and progress-callback entry points crash the JVM (0.25.3), and a parser
 * timeout makes {@code parseString} return a tree without a root; scripts are bounded by
 * {@link #MAX_CHARS} instead, which bounds the parse time (about a second for 1 MiB of bash).
 */
final class ScriptParser {

    /** A longer script is not analysed: its references are reported as not counted, never guessed. */
    static final int MAX_CHARS = 1 << 20;

    private ScriptParser() {}

    /** The native grammar of a language cannot be loaded on this platform; the message is one line. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /** A parsed script: the tree and the text, with node offsets mapped back to the text's characters. */
    static final class Parsed {
        private final String text;
        /** Held so that the native tree outlives every node read from it. */
        private final TSTree tree;
        private final TSNode root;
        /** Byte offset (JNI modified UTF-8) of each character, or null when the text is ASCII without NUL. */
        private final int[] byteOffsets;

        private Parsed(String text, TSTree tree, int[] byteOffsets) {
            this.text = text;
            this.tree = tree;
            this.root = tree.getRootNode();
            this.byteOffsets = byteOffsets;
        }

        TSNode root() {
            assert tree != null;
            return root;
        }

        String source() {
            return text;
        }

        int start(TSNode node) {
            return toChar(node.getStartByte());
        }

        int end(TSNode node) {
            return toChar(node.getEndByte());
        }

        String text(TSNode node) {
            return text.substring(start(node), end(node));
        }

        /** 0-based line of the node's start. */
        int line(TSNode node) {
            return node.getStartPoint().getRow();
        }

        private int toChar(int byteOffset) {
            if (byteOffsets == null) {
                return Math.min(byteOffset, text.length());
            }
            int lo = 0;
            int hi = text.length();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (byteOffsets[mid] < byteOffset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Parses {@code text} (at most {@link #MAX_CHARS}); throws {@link Unavailable} when the grammar cannot be loaded. */
    static Parsed parse(ScriptLanguage language, String text) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("script longer than " + MAX_CHARS + " characters");
        }
        TSParser parser = new TSParser();
        parser.setLanguage(language.language());
        // The binding hands the string to the parser as JNI modified UTF-8; offsets are in those bytes.
        return new Parsed(text, parser.parseString(null, text), offsets(text));
    }

    private static int[] offsets(String text) {
        boolean simple = true;
        for (int i = 0; i < text.length() && simple; i++) {
            char c = text.charAt(i);
            simple = c != 0 && c < 0x80;
        }
        if (simple) {
            return null;
        }
        int[] offsets = new int[text.length() + 1];
        int b = 0;
        for (int i = 0; i < text.length(); i++) {
            offsets[i] = b;
            char c = text.charAt(i);
            b += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        offsets[text.length()] = b;
        return offsets;
    }
}
