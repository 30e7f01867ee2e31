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
 */
public final class YamlReader {

    /** Large enough for any real policy or exceptions file, small enough to keep memory bounded. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    private final long maxBytes;
    // The token stream is all this reader needs: a YAMLMapper would initialise Jackson's whole
    // databind layer (hundreds of classes) on every cold start of a rule that only parses CI files.
    private final YAMLFactory factory;

    public YamlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public YamlReader(long maxBytes) {
        this.maxBytes = maxBytes;
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
            YamlNode document = readValue(parser, displayName, 0);
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

    private YamlNode readValue(JsonParser parser, String file, int depth) throws PolicyException {
        JsonToken token = parser.currentToken();
        int line = lineOf(parser.currentTokenLocation());
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw PolicyException.at(file, line, "YAML aliases (*" + parser.getString() + ") are not supported");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = parser.currentName();
                    int keyLine = lineOf(parser.currentTokenLocation());
                    if (key.equals("<<")) {
                        throw PolicyException.at(file, keyLine, "YAML merge keys (<<) are not supported");
                    }
                    parser.nextToken();
                    YamlNode value = readValue(parser, file, depth + 1);
                    if (entries.containsKey(key)) {
                        throw PolicyException.at(file, keyLine,
                                "duplicate key '" + key + "' (first on line " + keyLines.get(key) + ")");
                    }
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
                return new YamlNode.Mapping(line, entries, keyLines);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, depth + 1));
                }
                return new YamlNode.Sequence(line, items);
            }
            case VALUE_STRING -> {
                return new YamlNode.Scalar(line, parser.getString());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(line, parser.getNumberValue());
            }
            case VALUE_TRUE -> {
                return new YamlNode.Scalar(line, Boolean.TRUE);
            }
            case VALUE_FALSE -> {
                return new YamlNode.Scalar(line, Boolean.FALSE);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(line, null);
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
