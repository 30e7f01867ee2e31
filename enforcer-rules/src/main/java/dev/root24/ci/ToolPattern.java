package dev.root24.ci;

/**
 * Finds a tool in a piece of text as a whole token: its repository-relative path (possibly after
 * a directory such as {@code $GITHUB_WORKSPACE/}), or its bare file name (possibly as
 * {@code ./name}). {@code my_structure_guard.sh}, {@code structure_guard.sh.bak} and
 * {@code other/dir/structure_guard.sh} are other files, not this tool.
 */
final class ToolPattern {

    private final String path;
    private final String fileName;

    private ToolPattern(String path, String fileName) {
        this.path = path;
        this.fileName = fileName;
    }

    /** The pattern for a configured tool path ({@code ./} and backslashes are normalised). */
    static ToolPattern of(String toolPath) {
        String p = toolPath.strip().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return new ToolPattern(p, slash < 0 ? p : p.substring(slash + 1));
    }

    /** The index where the first whole-token reference starts, or -1. */
    int find(CharSequence text) {
        String s = text.toString();
        if (fileName.isEmpty()) {
            return -1;
        }
        int from = 0;
        while (true) {
            int idx = s.indexOf(fileName, from);
            if (idx < 0) {
                return -1;
            }
            int end = idx + fileName.length();
            if (endsToken(s, end)) {
                int start = startOfReference(s, idx, end);
                if (start >= 0) {
                    return start;
                }
            }
            from = idx + 1;
        }
    }

    boolean matches(CharSequence text) {
        return find(text) >= 0;
    }

    private int startOfReference(String s, int idx, int end) {
        if (idx == 0 || !isTokenChar(s.charAt(idx - 1))) {
            return idx;
        }
        if (s.charAt(idx - 1) != '/') {
            return -1;
        }
        // "./name": the file name relative to a working directory.
        if (idx >= 2 && s.charAt(idx - 2) == '.' && (idx == 2 || !isTokenChar(s.charAt(idx - 3)))) {
            return idx - 2;
        }
        int pathStart = end - path.length();
        if (pathStart >= 0 && s.startsWith(path, pathStart)
                && (pathStart == 0 || !isTokenChar(s.charAt(pathStart - 1)) || s.charAt(pathStart - 1) == '/')) {
            return pathStart;
        }
        return -1;
    }

    private static boolean endsToken(String s, int end) {
        int i = end;
        // A sentence may end right after a path: trailing dots end the token, "x.sh.bak" does not.
        while (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        return i == s.length() || !isTokenChar(s.charAt(i));
    }

    static boolean isTokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/';
    }

    @Override
    public String toString() {
        return path;
    }
}
