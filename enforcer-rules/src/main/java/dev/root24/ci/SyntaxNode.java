package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a parsed script, copied out of the native tree once. The tree-sitter binding costs
 * microseconds per native call, so the analysis never walks the native tree itself: a single
 * cursor pass copies type, field, position and children, and descends only into nodes whose text
 * the caller says may matter (see {@link ScriptParser#parse}). A node not descended into keeps its
 * text but has no children.
 */
final class SyntaxNode {

    /** What a missing child is (a field that is absent), so that callers test {@link #isNull()} as with tree-sitter. */
    static final SyntaxNode NULL = new SyntaxNode(null, "", false, 0, 0, 0, null, null);

    private final String source;
    private final String type;
    private final boolean named;
    private final int start;
    private final int end;
    private final int line;
    private final String field;
    private final SyntaxNode parent;
    private final List<SyntaxNode> children = new ArrayList<>(2);
    private List<SyntaxNode> namedChildren;
    private boolean expanded;

    SyntaxNode(String source, String type, boolean named, int start, int end, int line, String field, SyntaxNode parent) {
        this.source = source;
        this.type = type;
        this.named = named;
        this.start = start;
        this.end = end;
        this.line = line;
        this.field = field;
        this.parent = parent;
    }

    void add(SyntaxNode child) {
        children.add(child);
        namedChildren = null;
    }

    void markExpanded() {
        expanded = true;
    }

    /** Whether the children were copied (the node's text mattered), if it has any. */
    boolean expanded() {
        return expanded;
    }

    boolean isNull() {
        return this == NULL;
    }

    String getType() {
        return type;
    }

    boolean isNamed() {
        return named;
    }

    /** A zero-width named node: what the parser inserted to recover from an error. */
    boolean isMissing() {
        return named && start == end && parent != null;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** 0-based line of the node's start in its script. */
    int line() {
        return line;
    }

    String text() {
        return source == null ? "" : source.substring(start, end);
    }

    SyntaxNode getParent() {
        return parent == null ? NULL : parent;
    }

    int getChildCount() {
        return children.size();
    }

    SyntaxNode getChild(int i) {
        return children.get(i);
    }

    String getFieldNameForChild(int i) {
        return children.get(i).field;
    }

    String field() {
        return field;
    }

    int getNamedChildCount() {
        return named().size();
    }

    SyntaxNode getNamedChild(int i) {
        return named().get(i);
    }

    private List<SyntaxNode> named() {
        if (namedChildren == null) {
            List<SyntaxNode> list = new ArrayList<>(children.size());
            for (SyntaxNode c : children) {
                if (c.named) {
                    list.add(c);
                }
            }
            namedChildren = list;
        }
        return namedChildren;
    }

    SyntaxNode getChildByFieldName(String name) {
        for (SyntaxNode c : children) {
            if (name.equals(c.field)) {
                return c;
            }
        }
        return NULL;
    }

    SyntaxNode getNextSibling() {
        if (parent == null) {
            return NULL;
        }
        List<SyntaxNode> siblings = parent.children;
        for (int i = 0; i < siblings.size() - 1; i++) {
            if (siblings.get(i) == this) {
                return siblings.get(i + 1);
            }
        }
        return NULL;
    }
}
