package dev.root24.ci;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.root24.policy.PolicyException;
import dev.root24.policy.YamlNode;
import dev.root24.policy.YamlReader;

/**
 * Reads one referencing file and reports, for each of several tools, whether the file runs it.
 * Plain-text files are streamed line by line, so memory stays bounded whatever their size; YAML
 * files are parsed, up to {@link YamlReader#DEFAULT_MAX_BYTES}, and refused above it.
 */
final class CiFileScanner {

    /** A longer line is not a script line (minified or binary data); the file is refused, not buffered. */
    static final int MAX_LINE_CHARS = 1 << 20;

    private final long maxYamlBytes;
    private final CountedRuns counted;

    CiFileScanner() {
        this(YamlReader.DEFAULT_MAX_BYTES);
    }

    CiFileScanner(long maxYamlBytes) {
        this(maxYamlBytes, CountedRuns.DEFAULT);
    }

    /** {@code counted}: the CI runs (events, branches) in which a workflow's reference counts. */
    CiFileScanner(long maxYamlBytes, CountedRuns counted) {
        this.maxYamlBytes = maxYamlBytes;
        this.counted = counted;
    }

    /** The runs in which a reference counts unless a tool says otherwise. */
    CountedRuns counted() {
        return counted;
    }

    /** One result per pattern, in order. {@code display} is the file as configured. */
    List<ReferenceResult> scan(Path file, String display, List<ToolPattern> patterns) {
        return scan(file, display, patterns, counted);
    }

    /**
     * As {@link #scan(Path, String, List)}, for tools whose references count in other runs (a
     * nightly gate: {@code schedule}); a caller groups a file's tools by their counted runs.
     */
    List<ReferenceResult> scan(Path file, String display, List<ToolPattern> patterns, CountedRuns counted) {
        return scan(null, file, display, patterns, counted);
    }

    /**
     * As {@link #scan(Path, String, List, CountedRuns)}, following the local reusable workflows,
     * composite actions and GitLab includes the file calls, inside {@code root} (null: none).
     */
    List<ReferenceResult> scan(Path root, Path file, String display, List<ToolPattern> patterns, CountedRuns counted) {
        ReferenceSearch search = new ReferenceSearch(display, patterns);
        if (Files.isDirectory(file)) {
            return all(display, patterns, ReferenceStatus.UNREADABLE, 0, "is a directory, not a file");
        }
        if (!Files.exists(file)) {
            return all(display, patterns, ReferenceStatus.FILE_MISSING, 0, "file not found");
        }
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
                return scanYaml(root, file, display, search, counted);
            }
            ScriptLanguage language = ScriptLanguage.forFile(name);
            try (InputStream in = Files.newInputStream(file)) {
                if (language != null) {
                    scanSource(new InputStreamReader(in, strictUtf8()), language, search);
                } else {
                    scanText(new InputStreamReader(in, strictUtf8()), CommentSyntax.forFile(name), search);
                }
            }
            return search.results();
        } catch (Unreadable e) {
            return all(display, patterns, ReferenceStatus.UNREADABLE, 0, e.getMessage());
        } catch (NoSuchFileException e) {
            return all(display, patterns, ReferenceStatus.FILE_MISSING, 0, "file not found");
        } catch (CharacterCodingException e) {
            return all(display, patterns, ReferenceStatus.UNREADABLE, 0, "is not valid UTF-8 text");
        } catch (IOException e) {
            return all(display, patterns, ReferenceStatus.UNREADABLE, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private List<ReferenceResult> scanYaml(Path root, Path file, String display, ReferenceSearch search, CountedRuns counted)
            throws IOException, Unreadable {
        long size = Files.size(file);
        if (size > maxYamlBytes) {
            throw new Unreadable("is " + size + " bytes, larger than the " + maxYamlBytes + "-byte limit for YAML files");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(bytes);
        if (text.isBlank()) {
            return all(display, search.patterns(), ReferenceStatus.NOT_REFERENCED, 0, "empty file");
        }
        YamlNode document;
        try {
            document = YamlReader.withAliases(maxYamlBytes).parseSingleDocument(text, display);
        } catch (PolicyException e) {
            return all(display, search.patterns(), ReferenceStatus.PARSE_ERROR, e.line(), e.problem());
        }
        CiFileKind kind = CiYaml.classify(display, document);
        FollowedFiles follow = FollowedFiles.from(root, display, maxYamlBytes);
        if (kind == CiFileKind.TEXT) {
            scanText(new StringReader(text), CommentSyntax.HASH, search);
            return search.results();
        }
        try {
            document = CiYaml.mergeKeys(kind, document);
            CiYaml.walk(kind, document, counted, follow, search::accept);
            if (follow.broken() != null) {
                throw new InvalidCiFile(1, "invalid " + CiYaml.describe(kind) + ": it calls or includes " + follow.broken());
            }
        } catch (InvalidCiFile e) {
            // Named, never read as plain text: the CI system refuses the file, so nothing in it runs.
            return all(display, search.patterns(), ReferenceStatus.PARSE_ERROR, e.line(), e.getMessage());
        }
        if (!search.complete()) {
            // YAML comments are not in the tree; find them on the raw lines to say why they do not count.
            String[] lines = text.split("\n", -1);
            for (int t = 0; t < search.patterns().size(); t++) {
                for (int i = 0; i < lines.length && !search.seen(t); i++) {
                    if (search.patterns().get(t).matches(lines[i])) {
                        search.mentionedElsewhere(t, i + 1, "in a YAML comment or a key that does not run");
                    }
                }
            }
        }
        return withNotes(search.results(), follow.notes());
    }

    /** A reference not found says which calls were not followed: what they hold was not read. */
    private static List<ReferenceResult> withNotes(List<ReferenceResult> results, List<String> notes) {
        if (notes.isEmpty()) {
            return results;
        }
        String shown = notes.size() <= MAX_NOTES ? String.join("; ", notes)
                : String.join("; ", notes.subList(0, MAX_NOTES)) + "; and " + (notes.size() - MAX_NOTES) + " more";
        List<ReferenceResult> out = new ArrayList<>(results.size());
        for (ReferenceResult r : results) {
            out.add(r.status() == ReferenceStatus.NOT_REFERENCED
                    ? new ReferenceResult(r.file(), r.status(), r.line(), r.detail() + "; " + shown) : r);
        }
        return out;
    }

    /** How many not-followed calls a detail names. */
    private static final int MAX_NOTES = 3;

    private static void scanText(Reader reader, CommentSyntax syntax, ReferenceSearch search) throws IOException, Unreadable {
        CommentSyntax.LineSplitter splitter = syntax.splitter();
        String because = syntax == CommentSyntax.PROSE ? "in prose (documentation never runs)" : "in a comment";
        char[] buffer = new char[8192];
        StringBuilder line = new StringBuilder();
        int lineNumber = 1;
        boolean first = true;
        int n;
        try (reader) {
            while ((n = readSome(reader, buffer, lineNumber)) > 0) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (first) {
                        first = false;
                        if (c == '\uFEFF') {
                            continue;
                        }
                    }
                    if (c == '\n') {
                        emit(line, lineNumber, splitter, because, search);
                        if (search.complete()) {
                            return;
                        }
                        line.setLength(0);
                        lineNumber++;
                    } else if (c == 0) {
                        throw new Unreadable("is binary (NUL byte on line " + lineNumber + ")");
                    } else {
                        if (line.length() >= MAX_LINE_CHARS) {
                            throw new Unreadable("line " + lineNumber + " is longer than " + MAX_LINE_CHARS + " characters");
                        }
                        line.append(c);
                    }
                }
            }
            if (line.length() > 0) {
                emit(line, lineNumber, splitter, because, search);
            }
        }
    }

    /** A shell, Python or JavaScript file: read whole (bounded) and handed to its parser, which runs only if a tool may be named. */
    private static void scanSource(Reader reader, ScriptLanguage language, ReferenceSearch search) throws IOException, Unreadable {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        try (reader) {
            while ((n = readSome(reader, buffer, 0)) > 0) {
                if (text.length() + n > ScriptParser.MAX_CHARS) {
                    throw new Unreadable("is longer than " + ScriptParser.MAX_CHARS + " characters, the limit for a "
                            + language.grammar() + " file read with its parser");
                }
                text.append(buffer, 0, n);
            }
        }
        int nul = text.indexOf("\0");
        if (nul >= 0) {
            throw new Unreadable("is binary (NUL byte on line " + lineAt(text.toString(), nul) + ")");
        }
        String source = text.length() > 0 && text.charAt(0) == '\uFEFF' ? text.substring(1) : text.toString();
        search.accept(Fragment.script("", new ScriptSource(language, false, source.replace("\r\n", "\n"), 1, null,
                StepContext.ROOT, search.directory()), null));
    }

    private static int readSome(Reader reader, char[] buffer, int lineNumber) throws IOException, Unreadable {
        try {
            return reader.read(buffer);
        } catch (CharacterCodingException e) {
            throw new Unreadable(lineNumber > 0 ? "is not valid UTF-8 text (near line " + lineNumber + ")" : "is not valid UTF-8 text");
        }
    }

    private static void emit(StringBuilder raw, int lineNumber, CommentSyntax.LineSplitter splitter, String because,
            ReferenceSearch search) {
        int length = raw.length();
        if (length > 0 && raw.charAt(length - 1) == '\r') {
            raw.setLength(length - 1);
        }
        CommentSyntax.Split split = splitter.split(raw.toString());
        if (!split.code().isEmpty()) {
            search.accept(Fragment.runs(lineNumber, "line " + lineNumber, split.code()));
        }
        if (!split.comment().isEmpty()) {
            search.accept(Fragment.ignored(lineNumber, "line " + lineNumber, split.comment(), because));
        }
    }

    private static String decode(byte[] bytes) throws Unreadable {
        try {
            String text = strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
            int nul = text.indexOf('\0');
            if (nul >= 0) {
                throw new Unreadable("is binary (NUL byte on line " + lineAt(text, nul) + ")");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Unreadable("is not valid UTF-8 text");
        }
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static List<ReferenceResult> all(String display, List<ToolPattern> patterns, ReferenceStatus status, int line,
            String detail) {
        List<ReferenceResult> results = new ArrayList<>(patterns.size());
        for (int i = 0; i < patterns.size(); i++) {
            results.add(new ReferenceResult(display, status, line, detail));
        }
        return results;
    }

    /** A file that exists but cannot be scanned; the message says why. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
