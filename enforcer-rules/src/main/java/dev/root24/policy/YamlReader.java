package dev.root24.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * Reads one YAML document into a {@link YamlNode} tree with line numbers, through Jackson's YAML
 * token stream (snakeyaml-engine underneath, YAML 1.2: a bare {@code on:} stays a string key).
 *
 * <p>Hostile input is refused with a one-line {@link PolicyException} rather than consumed:
 * files over {@code maxBytes}, invalid UTF-8, duplicate keys and aliases (an alias is never
 * expanded, so an alias bomb costs nothing but a refusal).
 *
 * <p>CI files may use anchors ({@link #withAliases}): an alias then shares the anchored node
 * (which keeps the lines where its text really is), and what all aliases add to the document is
 * bounded by {@code maxBytes}, so a "billion laughs" is refused when its expansion passes the
 * size of the largest file that would be read, not after it was walked.
 */
public final class YamlReader {

    /** Large enough for any real policy or exceptions file, small enough to keep memory bounded. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    private final long maxBytes;
    private final boolean aliases;
    // The token stream is all this reader needs: a YAMLMapper would initialise Jackson's whole
    // databind layer (hundreds of classes) on every cold start of a rule that only parses CI files.
    private final YAMLFactory factory;

    public YamlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public YamlReader(long maxBytes) {
        this(maxBytes, false);
    }

    /**
     * A reader for CI files, which may use anchors and aliases (GitHub Actions since 2025-09,
     * GitLab, pre-commit): aliases are resolved, and what they add may not exceed {@code maxBytes}
     * (keys and scalar text, plus one per node). A merge key ({@code <<: *tpl}) stays an entry
     * named {@code <<} holding the aliased map(s): whether it merges depends on the CI system.
     */
    public static YamlReader withAliases(long maxBytes) {
        return new YamlReader(maxBytes, true);
    }

    private YamlReader(long maxBytes, boolean aliases) {
        this.maxBytes = maxBytes;
        this.aliases = aliases;
        LoadSettings settings = LoadSettings.builder()
                .setAllowDuplicateKeys(true) // reported by us, with both lines, instead of a parser trace
                .setMaxAliasesForCollections(0)
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes))
                .build();
        this.factory = YAMLFactory.builder()
                .loadSettings(settings)
                // YAML 1.2 core schema: `~`/`null` are null, `yes`/`on` stay strings (no YAML 1.1 booleans)
                .yamlSchema(YAMLSchema.CORE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxDocumentLength(maxBytes)
                        .build())
                .build();
    }

    /**
     * Reads {@code file}; {@code displayName} (usually the repository-relative path) is what
     * error messages call it. An empty document gives a {@link YamlNode.Scalar} holding null.
     */
    public YamlNode read(Path file, String displayName) throws PolicyException {
        String text = readText(file, displayName);
        return parse(text, displayName);
    }

    /** Parses YAML text already in memory; {@code displayName} names it in error messages. */
    public YamlNode parse(String text, String displayName) throws PolicyException {
        return parse(text, displayName, false);
    }

    /**
     * Like {@link #parse(String, String)}, but a stream of several documents ({@code ---}) is an
     * error rather than its first document: a CI system reading such a file refuses it.
     */
    public YamlNode parseSingleDocument(String text, String displayName) throws PolicyException {
        return parse(text, displayName, true);
    }

    private YamlNode parse(String text, String displayName, boolean single) throws PolicyException {
        if (text.length() > maxBytes) {
            throw PolicyException.at(displayName, 0, "is larger than the limit of " + maxBytes + " bytes");
        }
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(1, null);
            }
            YamlNode document = readValue(parser, displayName, 0, new Anchors()).node();
            if (single && parser.nextToken() != null) {
                throw PolicyException.at(displayName, lineOf(parser.currentTokenLocation()),
                        "holds more than one YAML document; only one is allowed");
            }
            return document;
        } catch (JacksonException e) {
            if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
                // snakeyaml's own words, without its multi-line snippet: "while parsing X: expected Y"
                String problem = (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
                throw PolicyException.at(displayName, yaml.getProblemMark().get().getLine() + 1,
                        "invalid YAML: " + firstLine(problem));
            }
            // Jackson's own message may quote the text it saw, which may be a secret: only a duplicate
            // key is named (a key is structure, not a value).
            String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String problem = original.startsWith("Duplicate field") ? firstLine(original) : "the text is not valid YAML here";
            throw PolicyException.at(displayName, lineOf(e.getLocation()), "invalid YAML: " + problem);
        }
    }

    /** The file's text, checked as {@link #read} checks it (size, directory, strict UTF-8). */
    String readText(Path file, String displayName) throws PolicyException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                throw PolicyException.at(displayName, 0, "is a directory, expected a YAML file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw PolicyException.at(displayName, 0,
                        "is " + size + " bytes, larger than the limit of " + maxBytes + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw PolicyException.at(displayName, 0, "file not found");
        } catch (IOException e) {
            throw PolicyException.at(displayName, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw PolicyException.at(displayName, lineOfFirstInvalidByte(bytes), "is not valid UTF-8 text");
        }
    }

    /** A node read, and its weight: what it costs to walk (one per node, plus its keys' and scalars' text). */
    private record Weighed(YamlNode node, long weight) {}

    /** The anchors of one document so far, and what the aliases to them have added. */
    private static final class Anchors {
        final Map<String, Weighed> done = new java.util.HashMap<>();
        final java.util.Set<String> open = new java.util.HashSet<>();
        long added;
    }

    private Weighed readValue(JsonParser parser, String file, int depth, Anchors anchors) throws PolicyException {
        JsonToken token = parser.currentToken();
        int line = lineOf(parser.currentTokenLocation());
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            if (!aliases) {
                throw PolicyException.at(file, line, "YAML aliases (*" + parser.getString() + ") are not supported");
            }
            String name = parser.getString();
            if (anchors.open.contains(name)) {
                throw PolicyException.at(file, line, "YAML alias *" + name + " refers to the node that contains it");
            }
            Weighed target = anchors.done.get(name);
            if (target == null) {
                throw PolicyException.at(file, line, "YAML alias *" + name + " has no anchor before it");
            }
            anchors.added += target.weight();
            if (anchors.added > maxBytes) {
                throw PolicyException.at(file, line, "YAML aliases expand to more than the limit of " + maxBytes
                        + " bytes (an alias bomb?)");
            }
            return target;
        }
        String anchor = aliases && parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
        if (anchor != null && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            anchors.open.add(anchor);
        }
        Weighed read = readPlain(parser, token, line, file, depth, anchors);
        if (anchor != null) {
            anchors.open.remove(anchor);
            anchors.done.put(anchor, read); // a later anchor of the same name replaces it, as in YAML
        }
        return read;
    }

    private Weighed readPlain(JsonParser parser, JsonToken token, int line, String file, int depth, Anchors anchors)
            throws PolicyException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                long weight = 1;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = lineOf(parser.currentTokenLocation());
                    if (key.equals("<<") && !aliases) {
                        throw PolicyException.at(file, keyLine, "YAML merge keys (<<) are not supported");
                    }
                    parser.nextToken();
                    Weighed value = readValue(parser, file, depth + 1, anchors);
                    if (entries.containsKey(key)) {
                        throw PolicyException.at(file, keyLine,
                                "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")");
                    }
                    entries.put(key, value.node());
                    keyLines.put(key, keyLine);
                    weight += key.length() + value.weight();
                }
                return new Weighed(new YamlNode.Mapping(line, entries, keyLines), weight);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                long weight = 1;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    Weighed item = readValue(parser, file, depth + 1, anchors);
                    items.add(item.node());
                    weight += item.weight();
                }
                return new Weighed(new YamlNode.Sequence(line, items), weight);
            }
            case VALUE_STRING -> {
                String text = parser.getString();
                return new Weighed(new YamlNode.Scalar(line, text), 1 + text.length());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Weighed(new YamlNode.Scalar(line, parser.getNumberValue()), 1 + parser.getString().length());
            }
            case VALUE_TRUE -> {
                return new Weighed(new YamlNode.Scalar(line, Boolean.TRUE), 5);
            }
            case VALUE_FALSE -> {
                return new Weighed(new YamlNode.Scalar(line, Boolean.FALSE), 6);
            }
            case VALUE_NULL -> {
                return new Weighed(new YamlNode.Scalar(line, null), 1);
            }
            default -> throw PolicyException.at(file, line, "unsupported YAML content (" + token + ")");
        }
    }

    private static int lineOf(TokenStreamLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.strip().lines().findFirst().orElse("unreadable").strip();
    }

    private static int lineOfFirstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
