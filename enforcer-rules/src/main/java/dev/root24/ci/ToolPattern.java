package dev.root24.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tool as the analysis looks for it. In a script, a word is resolved to a repository path and
 * compared with {@link #path()}; in text without structure (an INI value, a Python string) the
 * tool is found as a whole token: its repository-relative path (possibly after a directory such
 * as {@code $GITHUB_WORKSPACE/}), or its bare file name (possibly as {@code ./name}) when that
 * name is distinctive or the text is in the tool's own directory. {@code my_structure_guard.sh},
 * {@code structure_guard.sh.bak} and {@code other/dir/structure_guard.sh} are other files.
 */
final class ToolPattern {

    private static final Pattern DISABLING_OPTION = Pattern.compile("--(?:ignore|ignore-glob|deselect)(?:=|\\s+)[\"']?([^\\s\"',]+)");

    private final String path;
    private final String fileName;
    private final String directory;
    /** Words one of which any text that can reference the tool contains: a script without them is not parsed. */
    private final List<String> needles;

    private ToolPattern(String path, String fileName) {
        this.path = path;
        this.fileName = fileName;
        int slash = path.lastIndexOf('/');
        this.directory = slash < 0 ? "" : path.substring(0, slash);
        List<String> words = new ArrayList<>();
        int dot = fileName.lastIndexOf('.');
        // The stem covers the file name and a Python module name (-m a.b, import b).
        words.add(dot > 0 ? fileName.substring(0, dot) : fileName);
        for (String part : directory.split("/")) {
            if (!part.isEmpty() && !words.contains(part)) {
                words.add(part);
            }
        }
        this.needles = List.copyOf(words);
    }

    String path() {
        return path;
    }

    /** Whether a script (or its context) may reference the tool at all; false means it need not be parsed. */
    boolean mayAppearIn(CharSequence text) {
        String s = text.toString();
        for (String needle : needles) {
            if (s.contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a directory (repository-relative; {@code ""} the root) holds the tool, or is the tool. */
    boolean isAtOrBelow(String resolved) {
        return resolved.isEmpty() || path.equals(resolved) || path.startsWith(resolved + "/");
    }

    /**
     * Whether an option in the text excludes the tool from a test run ({@code --ignore=path},
     * {@code --deselect path::test}), by its path or a directory above it.
     */
    boolean disabledBy(CharSequence text) {
        String s = text.toString();
        if (!s.contains("--ignore") && !s.contains("--deselect")) {
            return false;
        }
        Matcher m = DISABLING_OPTION.matcher(text);
        while (m.find()) {
            String value = m.group(1);
            if (value.contains("::")) {
                value = value.substring(0, value.indexOf("::"));
            }
            String resolved = ScriptPath.normalise("", value);
            if (resolved != null && !resolved.isEmpty() && isAtOrBelow(resolved)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Python import names the tool's module ({@code a/b/c} for {@code a.b.c}). */
    boolean importedAs(SourceMask.Import imported, String fromDirectory) {
        if (!path.endsWith(".py")) {
            return false;
        }
        String module = path.substring(0, path.length() - 3);
        if (module.endsWith("/__init__")) {
            module = module.substring(0, module.length() - "/__init__".length());
        }
        String stem = imported.stem();
        if (imported.relative() || stem.equals(module)) {
            return stem.equals(module);
        }
        if (stem.contains("/")) {
            // A package path below some import root: a.b.c names x/a/b/c.py.
            return module.endsWith("/" + stem);
        }
        // A single name is found next to the importing file only.
        return fromDirectory != null && module.equals(fromDirectory.isEmpty() ? stem : fromDirectory + "/" + stem);
    }

    /**
     * As {@link #find}, for text that would count: a bare file name counts only when it is
     * distinctive (not a plain word such as {@code config.yaml}) or the text is in the tool's
     * directory ({@code textDirectory}, null when unknown).
     */
    int findStrict(CharSequence text, String textDirectory) {
        String s = text.toString();
        int from = 0;
        while (true) {
            int at = find(s, from);
            if (at < 0) {
                return -1;
            }
            boolean bare = !s.startsWith(path, at) || path.equals(fileName);
            if (!bare || !generic() || directory.equals(textDirectory)) {
                return at;
            }
            from = s.indexOf(fileName, at) + 1;
        }
    }

    /** A file name whose stem is one plain word ({@code config.yaml}, {@code gate.sh}): many files may have it. */
    private boolean generic() {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        return stem.chars().allMatch(Character::isLetter);
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
        return find(text.toString(), 0);
    }

    private int find(String s, int fromIndex) {
        if (fileName.isEmpty()) {
            return -1;
        }
        int from = fromIndex;
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
