package dev.root24.ci;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Parses a script with its language's tree-sitter grammar and copies the tree out as
 * {@link SyntaxNode}s. Only {@code parseString} is used: the binding's byte-array and
 * progress-callback entry points crash the JVM (0.25.3), and a parser timeout makes
 * {@code parseString} return a tree without a root; scripts are bounded by {@link #MAX_CHARS}
 * instead, which bounds the parse time (about a second for 1 MiB of bash).
 */
final class ScriptParser {

    /** A longer script is not analysed: its references are reported as not counted, never guessed. */
    static final int MAX_CHARS = 1 << 20;
    /** Nodes copied per script; the rest of a larger tree is left uncopied (its text stays, unanalysed). */
    static final int MAX_NODES = 400_000;

    /** Type names and kinds of each language's symbols, filled as they are met (each costs native calls). */
    private static final Map<ScriptLanguage, Symbols> SYMBOLS = new EnumMap<>(ScriptLanguage.class);
    /** A parser per thread and language: creating one per script costs native allocations and a cleaner. */
    private static final ThreadLocal<Map<ScriptLanguage, TSParser>> PARSERS = ThreadLocal.withInitial(() -> new EnumMap<>(ScriptLanguage.class));

    private ScriptParser() {}

    /** The native grammar of a language cannot be loaded on this platform; the message is one line. */
    static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Symbols {
        final TSLanguage language;
        final String[] names;
        final boolean[] named;
        final String[] fields;

        Symbols(TSLanguage language) {
            this.language = language;
            this.names = new String[language.symbolCount() + 1];
            this.named = new boolean[names.length];
            this.fields = new String[language.fieldCount() + 1];
        }

        synchronized String name(int symbol) {
            if (symbol < 0 || symbol >= names.length) {
                return "ERROR"; // ts_builtin_sym_error (65535)
            }
            if (names[symbol] == null) {
                named[symbol] = language.symbolType(symbol) == TSSymbolType.TSSymbolTypeRegular;
                names[symbol] = language.symbolName(symbol);
            }
            return names[symbol];
        }

        synchronized boolean named(int symbol) {
            return symbol < 0 || symbol >= names.length || named[symbol];
        }

        synchronized String field(int id) {
            if (id <= 0 || id >= fields.length) {
                return null;
            }
            if (fields[id] == null) {
                fields[id] = language.fieldNameForId(id);
            }
            return fields[id];
        }
    }

    private static Symbols symbols(ScriptLanguage language) {
        synchronized (SYMBOLS) {
            return SYMBOLS.computeIfAbsent(language, l -> new Symbols(l.language()));
        }
    }

    /**
     * Parses {@code text} (at most {@link #MAX_CHARS}) and copies the nodes whose parents' text
     * {@code descend} accepts (the root's children always). Throws {@link Unavailable} when the
     * grammar cannot be loaded.
     */
    static SyntaxNode parse(ScriptLanguage language, String text, Predicate<String> descend) {
        return parse(language, text, descend, false);
    }

    /**
     * As {@link #parse(ScriptLanguage, String, Predicate)}; with {@code statementsOnly} the
     * predicate chooses among the script's top-level statements only, and a chosen statement is
     * copied whole (its analysis needs every part of it: {@code || true}, {@code exit 0}).
     */
    static SyntaxNode parse(ScriptLanguage language, String text, Predicate<String> descend, boolean statementsOnly) {
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("script longer than " + MAX_CHARS + " characters");
        }
        Symbols symbols = symbols(language);
        TSParser parser = PARSERS.get().computeIfAbsent(language, l -> {
            TSParser p = new TSParser();
            p.setLanguage(symbols.language);
            return p;
        });
        // The binding hands the string to the parser as JNI modified UTF-8; offsets are in those bytes.
        text = wellFormed(text);
        TSTree tree = parser.parseString(null, text);
        Offsets offsets = new Offsets(text);
        TSNode rootNode = tree.getRootNode();
        boolean errors = rootNode.hasError();
        TSTreeCursor cursor = new TSTreeCursor(rootNode);
        SyntaxNode root = new SyntaxNode(text, symbols.name(rootNode.getSymbol()), true, 0, text.length(), 0, null, null);
        SyntaxNode node = root;
        boolean down = true;
        int copied = 1;
        while (true) {
            boolean wanted = down && copied < MAX_NODES
                    && (node == root || statementsOnly && node.getParent() != root || descend.test(node.text()));
            if (wanted) {
                node.markExpanded();
            }
            if (wanted && cursor.gotoFirstChild()) {
                SyntaxNode child = copy(text, offsets, symbols, cursor, node, root, errors, descend);
                node.add(child);
                node = child;
                copied++;
                continue;
            }
            if (node == root) {
                break;
            }
            if (cursor.gotoNextSibling()) {
                SyntaxNode parent = node.getParent();
                SyntaxNode sibling = copy(text, offsets, symbols, cursor, parent, root, errors, descend);
                parent.add(sibling);
                node = sibling;
                copied++;
                down = true;
                continue;
            }
            cursor.gotoParent();
            node = node.getParent();
            down = false;
        }
        assert tree != null; // held until the copy is done: the native tree outlives every node read from it
        return root;
    }

    /**
     * The node under the cursor. A statement of the script whose text matters to no one is copied
     * with its position only (each native call costs microseconds): a comment is known by its
     * {@code #}, and without a syntax error in the tree nothing else about it is needed.
     */
    private static SyntaxNode copy(String text, Offsets offsets, Symbols symbols, TSTreeCursor cursor, SyntaxNode parent,
            SyntaxNode root, boolean errors, Predicate<String> descend) {
        TSNode node = cursor.currentNode();
        int start = offsets.toChar(node.getStartByte());
        int end = offsets.toChar(node.getEndByte());
        int line = offsets.line(start);
        // Operators between statements (&, ;) are short and always read: a background & matters.
        if (parent == root && !errors && end - start > 2 && !descend.test(text.substring(start, end))) {
            return new SyntaxNode(text, text.startsWith("#", start) ? "comment" : "statement", true, start, end, line, null, parent);
        }
        int symbol = node.getSymbol();
        String field = parent == root ? null : symbols.field(cursor.currentFieldId());
        return new SyntaxNode(text, symbols.name(symbol), symbols.named(symbol), start, end, line, field, parent);
    }

    /**
     * The text as the binding can pass it: JNI's modified UTF-8 writes a character outside the
     * BMP as two 3-byte surrogates, which tree-sitter reads as invalid UTF-8 (a syntax error), and
     * a NUL as two bytes it refuses. Each surrogate becomes U+FFFD and a NUL a space: the same
     * number of characters, so positions match the original text.
     */
    private static String wellFormed(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || c == 0) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = c == 0 ? ' ' : '\uFFFD';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** Byte offsets (JNI modified UTF-8) to characters, and characters to lines. */
    private static final class Offsets {
        private final int[] byteOffsets;
        private final int[] lineStarts;
        private final int length;

        Offsets(String text) {
            length = text.length();
            boolean simple = true;
            int lines = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                simple &= c != 0 && c < 0x80;
                if (c == '\n') {
                    lines++;
                }
            }
            lineStarts = new int[lines];
            int l = 1;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lineStarts[l++] = i + 1;
                }
            }
            if (simple) {
                byteOffsets = null;
                return;
            }
            byteOffsets = new int[text.length() + 1];
            int b = 0;
            for (int i = 0; i < text.length(); i++) {
                byteOffsets[i] = b;
                char c = text.charAt(i);
                b += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            byteOffsets[text.length()] = b;
        }

        int toChar(int byteOffset) {
            if (byteOffsets == null) {
                return Math.min(byteOffset, length);
            }
            int lo = 0;
            int hi = length;
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

        int line(int charOffset) {
            int lo = 0;
            int hi = lineStarts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (lineStarts[mid] <= charOffset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }
}
