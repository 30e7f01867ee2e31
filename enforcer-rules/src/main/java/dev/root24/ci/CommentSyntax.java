package dev.root24.ci;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How comments look in a referencing file that is read as plain text, chosen by its name, for the
 * languages no bundled parser covers (shell, Python and JavaScript files are parsed instead: see
 * {@link ScriptLanguage}). Only the code part of a line can reference a tool; prose (Markdown and
 * the like) never does.
 */
enum CommentSyntax {
    /** Shell-like: {@code #} starts a comment at the start of a word, outside quotes. */
    SHELL,
    /** {@code #} outside quotes starts a comment (Python, YAML, TOML, Ruby). */
    HASH,
    /** INI files: {@code #} or {@code ;} at the start of a line, {@code #} after whitespace. */
    INI,
    /** {@code //} to end of line and {@code /* ... *}{@code /} blocks (Java, Groovy, JavaScript, Jenkinsfile). */
    C_STYLE,
    /** {@code <!-- ... -->} blocks. */
    XML,
    /** PowerShell: {@code #} outside quotes, {@code <# ... #>} blocks. */
    POWERSHELL,
    /** Windows batch files: lines starting with {@code REM} or {@code ::}. */
    BATCH,
    /** SQL and Lua: {@code --} outside quotes. */
    DASH_DASH,
    /** No comments: every line is code (JSON). */
    NONE,
    /** Prose: nothing in it runs. */
    PROSE;

    /** Extension to syntax; an extension not listed is read like a shell script. */
    private static final Map<String, CommentSyntax> BY_EXTENSION = byExtension(Map.of(
            PROSE, List.of("md", "markdown", "mdown", "mkd", "rst", "adoc", "asciidoc", "txt", "text", "org", "html", "htm",
                    "rtf", "tex", "mdx"),
            SHELL, List.of("sh", "bash", "zsh", "ksh", "ash", "mk", "make", "dockerfile", "env", "r", "pl", "tf"),
            POWERSHELL, List.of("ps1", "psm1", "psd1"),
            BATCH, List.of("bat", "cmd"),
            DASH_DASH, List.of("sql", "lua"),
            HASH, List.of("py", "pyw", "pyi", "yml", "yaml", "toml", "rb", "properties", "conf"),
            INI, List.of("ini", "cfg"),
            C_STYLE, List.of("java", "groovy", "gvy", "gradle", "kt", "kts", "js", "mjs", "cjs", "ts", "mts", "cts", "jsx",
                    "tsx", "go", "rs", "c", "h", "cc", "cpp", "hpp", "cs", "scala", "swift", "jenkinsfile"),
            XML, List.of("xml", "pom", "xsd", "xsl", "xslt", "svg"),
            NONE, List.of("json")));

    private static Map<String, CommentSyntax> byExtension(Map<CommentSyntax, List<String>> lists) {
        Map<String, CommentSyntax> map = new HashMap<>();
        lists.forEach((syntax, extensions) -> extensions.forEach(ext -> {
            if (map.put(ext, syntax) != null) {
                throw new IllegalStateException("extension ." + ext + " is listed twice");
            }
        }));
        return Map.copyOf(map);
    }

    /** The syntax for a file name; unknown kinds are read like shell scripts. */
    static CommentSyntax forFile(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.startsWith("jenkinsfile")) {
            return C_STYLE;
        }
        if (name.equals("makefile") || name.equals("gnumakefile") || name.startsWith("dockerfile")) {
            return SHELL;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return BY_EXTENSION.getOrDefault(ext, SHELL);
    }

    /** A reader of successive lines that remembers open block comments between them. */
    LineSplitter splitter() {
        return new LineSplitter(this);
    }

    /** One line split into the code that can run and the comment that cannot. */
    record Split(String code, String comment) {}

    static final class LineSplitter {
        private final CommentSyntax syntax;
        private boolean inBlock;

        private LineSplitter(CommentSyntax syntax) {
            this.syntax = syntax;
        }

        Split split(String line) {
            return switch (syntax) {
                case PROSE -> new Split("", line);
                case NONE -> new Split(line, "");
                case SHELL -> hash(line, true);
                case HASH -> hash(line, false);
                case INI -> ini(line);
                case POWERSHELL -> powershell(line);
                case BATCH -> batch(line);
                case DASH_DASH -> dashDash(line);
                case C_STYLE -> cStyle(line);
                case XML -> xml(line);
            };
        }

        private static Split batch(String line) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith("@")) {
                trimmed = trimmed.substring(1).stripLeading();
            }
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (trimmed.startsWith("::") || upper.equals("REM") || upper.startsWith("REM ") || upper.startsWith("REM\t")) {
                return new Split("", line);
            }
            return new Split(line, "");
        }

        private static Split dashDash(String line) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                    return new Split(line.substring(0, i), line.substring(i));
                }
            }
            return new Split(line, "");
        }

        private static Split ini(String line) {
            String trimmed = line.stripLeading();
            if (trimmed.startsWith(";") || trimmed.startsWith("#")) {
                return new Split("", line);
            }
            return hash(line, true);
        }

        private static Split hash(String line, boolean wordStartOnly) {
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        i++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\') {
                    i++;
                } else if (c == '#' && (!wordStartOnly || i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                    return new Split(line.substring(0, i), line.substring(i));
                }
            }
            return new Split(line, "");
        }

        private Split cStyle(String line) {
            return blocks(line, "//", "/*", "*/", '\\', "\"'`");
        }

        private Split powershell(String line) {
            return blocks(line, "#", "<#", "#>", '`', "\"'");
        }

        /** A line comment and block comments spanning lines, outside quotes with an escape character. */
        private Split blocks(String line, String lineComment, String open, String close, char escape, String quotes) {
            StringBuilder code = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            char quote = 0;
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (inBlock) {
                    int end = line.indexOf(close, i);
                    int stop = end < 0 ? line.length() : end + close.length();
                    comment.append(line, i, stop);
                    code.append(' ');
                    inBlock = end < 0;
                    i = stop;
                    continue;
                }
                if (quote != 0) {
                    code.append(c);
                    if (c == escape && i + 1 < line.length()) {
                        code.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (quotes.indexOf(c) >= 0) {
                    quote = c;
                    code.append(c);
                } else if (line.startsWith(open, i)) {
                    inBlock = true;
                    comment.append(open);
                    i += open.length();
                    continue;
                } else if (line.startsWith(lineComment, i)) {
                    comment.append(line, i, line.length());
                    break;
                } else {
                    code.append(c);
                }
                i++;
            }
            return new Split(code.toString(), comment.toString());
        }

        private Split xml(String line) {
            StringBuilder code = new StringBuilder();
            StringBuilder comment = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (inBlock) {
                    int close = line.indexOf("-->", i);
                    int stop = close < 0 ? line.length() : close + 3;
                    comment.append(line, i, stop);
                    code.append(' ');
                    inBlock = close < 0;
                    i = stop;
                } else {
                    int open = line.indexOf("<!--", i);
                    if (open < 0) {
                        code.append(line, i, line.length());
                        break;
                    }
                    code.append(line, i, open);
                    inBlock = true;
                    i = open;
                }
            }
            return new Split(code.toString(), comment.toString());
        }
    }
}
