package dev.root24.policy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads a policy from a repository path or a {@code classpath:} resource, follows its
 * {@code extends} chain (cycles rejected), validates each file against {@link PolicySchema} and
 * merges them: a child overrides its parent key by key, maps merge, lists and values replace.
 * Inline settings are applied last, the same way.
 */
public final class PolicyLoader {

    public static final String CLASSPATH_PREFIX = "classpath:";

    private static final int MAX_CHAIN = 16;

    private static final java.util.regex.Pattern SECRET_NAME =
            java.util.regex.Pattern.compile("TOKEN|SECRET|PASSWORD|PASSWD|KEY|CREDENTIAL", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final RepositoryRoot root;
    private final ClassLoader classLoader;
    private final YamlReader reader = new YamlReader(YamlReader.DEFAULT_MAX_BYTES);
    private final PolicySchema schema = PolicySchema.bundled();

    /**
     * @param root repository-relative policy paths resolve against it and may not leave it
     * @param classLoader where {@code classpath:} policies are looked up (the plugin's realm, which
     *     holds the plugin's dependencies such as an organisation's policy jar)
     */
    public PolicyLoader(RepositoryRoot root, ClassLoader classLoader) {
        this.root = root;
        this.classLoader = classLoader;
    }

    /**
     * The effective policy of {@code location} (may be null: no file) with {@code inline} applied
     * on top. {@code inline} is a tree of POM parameter values in the policy's key layout; nulls
     * in it mean "not set inline".
     */
    public EffectivePolicy load(String location, Map<String, Object> inline) throws PolicyException {
        List<String> sources = new ArrayList<>();
        JsonNode merged = JsonNodeFactory.instance.objectNode();
        if (location != null && !location.isBlank()) {
            merged = loadChain(location.strip(), null, new LinkedHashSet<>(), sources);
        }
        JsonNode inlineTree = MAPPER.valueToTree(withoutNulls(inline));
        merged = merge(merged, inlineTree);
        ((ObjectNode) merged).put("version", 1);
        ((ObjectNode) merged).remove("extends");
        PolicyDocument document;
        try {
            document = MAPPER.treeToValue(merged, PolicyDocument.class);
        } catch (JacksonException e) {
            throw new PolicyException("inline configuration does not fit the policy: " + e.getOriginalMessage());
        }
        JsonNode canonical = sorted(merged);
        String json = MAPPER.writeValueAsString(canonical);
        return new EffectivePolicy(document, sha256(json), List.copyOf(sources), MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(masked(canonical.deepCopy())));
    }

    private JsonNode loadChain(String location, Source from, Set<String> seen, List<String> sources) throws PolicyException {
        Source source = locate(location, from);
        if (!seen.add(source.id())) {
            List<String> cycle = new ArrayList<>(seen);
            cycle.add(source.id());
            throw new PolicyException("policy extends cycle: " + String.join(" -> ", cycle));
        }
        if (seen.size() > MAX_CHAIN) {
            throw new PolicyException("policy extends chain is longer than " + MAX_CHAIN + " files at " + source.display());
        }
        YamlNode document = source.read(reader);
        if (document instanceof YamlNode.Scalar scalar && scalar.value() == null) {
            throw PolicyException.at(source.display(), 1, "is empty; a policy needs at least 'version: 1'");
        }
        List<String> problems = schema.validate(document, source.display());
        if (!problems.isEmpty()) {
            throw new PolicyException(problems.size() == 1 ? problems.get(0)
                    : problems.size() + " problems in " + source.display() + ": " + String.join("; ", problems));
        }
        sources.add(0, source.display());
        JsonNode tree = PolicySchema.toJson(document);
        JsonNode parent = JsonNodeFactory.instance.objectNode();
        if (document instanceof YamlNode.Mapping map && map.get("extends") != null) {
            parent = loadChain(((YamlNode.Scalar) map.get("extends")).text().strip(), source, seen, sources);
        }
        return merge(parent, tree);
    }

    /** Deep merge: maps merge key by key, everything else in {@code over} replaces. */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (base instanceof ObjectNode baseObject && over instanceof ObjectNode overObject) {
            ObjectNode result = baseObject.deepCopy();
            for (Map.Entry<String, JsonNode> e : overObject.properties()) {
                JsonNode existing = result.get(e.getKey());
                result.set(e.getKey(), existing == null ? e.getValue() : merge(existing, e.getValue()));
            }
            return result;
        }
        return over == null || over.isNull() ? base : over;
    }

    @SuppressWarnings("unchecked")
    private static Object withoutNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> clean = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object v = withoutNulls(e.getValue());
                if (v != null && !(v instanceof Map<?, ?> m && m.isEmpty())) {
                    clean.put(String.valueOf(e.getKey()), v);
                }
            }
            return clean;
        }
        return value;
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TreeMap<String, JsonNode> entries = new TreeMap<>();
            object.properties().forEach(e -> entries.put(e.getKey(), sorted(e.getValue())));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            entries.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(sorted(item)));
            return array;
        }
        return node;
    }

    /** For display only: values of check environment variables whose names look secret are masked. */
    private static JsonNode masked(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                if (e.getKey().equals("environment") && e.getValue() instanceof ObjectNode env) {
                    for (String name : new ArrayList<>(env.propertyNames())) {
                        if (SECRET_NAME.matcher(name).find()) {
                            env.put(name, "****");
                        }
                    }
                } else {
                    masked(e.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(PolicyLoader::masked);
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private Source locate(String location, Source from) throws PolicyException {
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
            return new ClasspathSource(resource);
        }
        if (from instanceof ClasspathSource cp) {
            // A relative extends inside a policy jar stays inside that jar's resources.
            String base = cp.resource().contains("/") ? cp.resource().substring(0, cp.resource().lastIndexOf('/') + 1) : "";
            return new ClasspathSource(Path.of(base + location).normalize().toString().replace('\\', '/'));
        }
        String relative = location;
        if (from instanceof FileSource fs) {
            Path parent = Path.of(fs.relative()).getParent();
            relative = parent == null ? location : parent.resolve(location).normalize().toString();
        }
        String what = from == null ? "policy" : "extends in " + from.display();
        Path file = root.resolve(relative, what);
        return new FileSource(file, root.relativize(file));
    }

    private sealed interface Source permits FileSource, ClasspathSource {
        String id();

        String display();

        YamlNode read(YamlReader reader) throws PolicyException;
    }

    private record FileSource(Path file, String relative) implements Source {
        @Override
        public String id() {
            return file.toString();
        }

        @Override
        public String display() {
            return relative;
        }

        @Override
        public YamlNode read(YamlReader reader) throws PolicyException {
            return reader.read(file, relative);
        }
    }

    private final class ClasspathSource implements Source {
        private final String resource;

        ClasspathSource(String resource) {
            this.resource = resource;
        }

        String resource() {
            return resource;
        }

        @Override
        public String id() {
            return CLASSPATH_PREFIX + resource;
        }

        @Override
        public String display() {
            return CLASSPATH_PREFIX + resource;
        }

        @Override
        public YamlNode read(YamlReader reader) throws PolicyException {
            URL url = classLoader.getResource(resource);
            if (url == null) {
                throw new PolicyException(display() + ": not found on the plugin's classpath"
                        + " (add the jar that holds it as a dependency of the plugin)");
            }
            byte[] bytes;
            try (InputStream in = url.openStream()) {
                bytes = in.readNBytes((int) YamlReader.DEFAULT_MAX_BYTES + 1);
            } catch (IOException e) {
                throw new PolicyException(display() + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
            if (bytes.length > YamlReader.DEFAULT_MAX_BYTES) {
                throw new PolicyException(display() + ": is larger than the limit of " + YamlReader.DEFAULT_MAX_BYTES + " bytes");
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                return reader.parse(text, display());
            } catch (CharacterCodingException e) {
                throw new PolicyException(display() + ": is not valid UTF-8 text");
            }
        }
    }
}
