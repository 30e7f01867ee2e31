package dev.root24.policy;

import java.io.IOException;
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
     * on top, all from one unnamed source. Prefer {@link #load(String, InlineSettings)}, which
     * records where each inline setting came from.
     */
    public EffectivePolicy load(String location, Map<String, Object> inline) throws PolicyException {
        @SuppressWarnings("unchecked")
        Map<String, Object> clean = (Map<String, Object>) withoutNulls(inline);
        return load(location, InlineSettings.of(clean, new SettingSource.PomParameter("configuration", "the POM")));
    }

    /**
     * The effective policy of {@code location} (may be null: no file) with {@code inline} applied
     * on top. Files of the {@code extends} chain apply from the most general one (the base) down,
     * then the inline settings. A key listed under {@code locked} by a file may not be changed by
     * anything applied after that file: the build fails with one line naming the key, the value
     * tried, its source and the lock.
     *
     * @throws PolicyException for an invalid file or inline value, or a change of a locked key
     */
    public EffectivePolicy load(String location, InlineSettings inline) throws PolicyException {
        List<FileLayer> chain = new ArrayList<>();
        if (location != null && !location.isBlank()) {
            collectChain(location.strip(), null, new LinkedHashSet<>(), chain);
        }
        java.util.Collections.reverse(chain);
        Merge merge = new Merge();
        String baseContainer = chain.isEmpty() ? null : chain.get(0).container();
        for (int i = 0; i < chain.size(); i++) {
            FileLayer layer = chain.get(i);
            boolean organisation = baseContainer != null && baseContainer.equals(layer.container());
            merge.applyFile(layer, i == 0, organisation);
        }
        if (!inline.isEmpty()) {
            JsonNode inlineTree = MAPPER.valueToTree(withoutNulls(inline.tree()));
            ObjectNode versioned = JsonNodeFactory.instance.objectNode().put("version", 1);
            versioned.setAll((ObjectNode) inlineTree);
            List<String> problems = PolicySchema.bundled().validateTree(versioned, key -> {
                SettingSource source = inline.sourceOf(key);
                return source == null ? "inline configuration" : source.display();
            });
            if (!problems.isEmpty()) {
                throw new PolicyException(problems.size() == 1 ? problems.get(0)
                        : problems.size() + " problems in the inline configuration: " + String.join("; ", problems));
            }
            // Without a policy file there is nothing to override: the inline settings are the configuration.
            merge.applyInline((ObjectNode) inlineTree, inline, chain.isEmpty());
        }
        ObjectNode merged = merge.tree;
        merged.put("version", 1);
        merged.remove("extends");
        merged.remove("locked");
        if (!merge.locks.isEmpty()) {
            var locked = merged.putArray("locked");
            merge.locks.stream().map(PolicyLock::key).distinct().sorted().forEach(locked::add);
        }
        PolicyDocument document;
        try {
            document = MAPPER.treeToValue(merged, PolicyDocument.class);
        } catch (JacksonException e) {
            // Not reached for values the schema has checked; the message names the key, never the value.
            throw new PolicyException("the configuration does not fit the policy model at "
                    + (e.getPath() == null || e.getPath().isEmpty() ? "its root" : e.getPathReference()));
        }
        JsonNode canonical = sorted(merged);
        String json = MAPPER.writeValueAsString(canonical);
        List<String> sources = chain.stream().map(l -> l.source().display()).toList();
        EffectivePolicy.PolicyBase base = chain.isEmpty() ? null
                : new EffectivePolicy.PolicyBase(chain.get(0).source().display(), chain.get(0).artifact(), chain.get(0).sha256());
        return new EffectivePolicy(document, sha256(json), sources, MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(masked(canonical.deepCopy())), base, merge.locks, merge.overrides, merge.provenance);
    }

    /** Collects the chain from {@code location} to its base, the most specific file first. */
    private void collectChain(String location, Source from, Set<String> seen, List<FileLayer> chain) throws PolicyException {
        Source source = locate(location, from);
        if (!seen.add(source.id())) {
            List<String> cycle = new ArrayList<>(seen);
            cycle.add(source.id());
            throw new PolicyException("policy extends cycle: " + String.join(" -> ", cycle));
        }
        if (seen.size() > MAX_CHAIN) {
            throw new PolicyException("policy extends chain is longer than " + MAX_CHAIN + " files at " + source.display());
        }
        Read read = source.read(reader);
        YamlNode document = read.document();
        if (document instanceof YamlNode.Scalar scalar && scalar.value() == null) {
            throw PolicyException.at(source.display(), 1, "is empty; a policy needs at least 'version: 1'");
        }
        PolicySchema schema = PolicySchema.bundled();
        List<PolicyException> problems = schema.problems(document, source.display());
        if (problems.size() == 1) {
            throw problems.get(0);
        }
        if (!problems.isEmpty()) {
            // Located at the first problem, so a report can point at the file and line.
            throw PolicyException.located(problems.size() + " problems in " + source.display() + ": "
                    + String.join("; ", problems.stream().map(PolicyException::getMessage).toList()),
                    source.display(), problems.get(0).line());
        }
        if (document instanceof YamlNode.Mapping map && map.get("locked") instanceof YamlNode.Sequence locked) {
            for (int i = 0; i < locked.items().size(); i++) {
                String key = ((YamlNode.Scalar) locked.items().get(i)).text().strip();
                if (!schema.knowsKey(key)) {
                    throw PolicyException.at(source.display(), locked.items().get(i).line(),
                            "locked names '" + key + "', which is not a policy key (e.g. scoring.weights, checks, worm.trustedKeys)");
                }
            }
        }
        chain.add(new FileLayer(source, document, PolicySchema.toJson(document), read.artifact(), read.container(),
                sha256(read.bytes())));
        if (document instanceof YamlNode.Mapping map && map.get("extends") != null) {
            collectChain(((YamlNode.Scalar) map.get("extends")).text().strip(), source, seen, chain);
        }
    }

    /** One file of an extends chain, as read. */
    private record FileLayer(Source source, YamlNode document, JsonNode tree, String artifact, String container, String sha256) {}

    /** Lists whose items are identified by {@code id}, and the item key that carries their points. */
    private static final Map<String, String> ID_LISTS = Map.of("checks", "weight", "ci.tools", "maxScore");

    /** The merge of the layers so far, with the locks in force, the overrides and every key's source. */
    private final class Merge {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        final List<PolicyLock> locks = new ArrayList<>();
        final List<PolicyOverride> overrides = new ArrayList<>();
        final Map<String, SettingSource> provenance = new LinkedHashMap<>();

        void applyFile(FileLayer layer, boolean isBase, boolean organisation) throws PolicyException {
            ObjectNode over = ((ObjectNode) layer.tree()).deepCopy();
            over.remove("version");
            over.remove("extends");
            over.remove("locked");
            String file = layer.source().display();
            java.util.function.Function<List<Object>, SettingSource> sourceOf = path -> new SettingSource.PolicyFile(file,
                    PolicySchema.lineOf(layer.document(), path), layer.artifact(), organisation);
            tree = (ObjectNode) apply(tree, over, new ArrayList<>(), sourceOf, isBase);
            if (layer.document() instanceof YamlNode.Mapping map && map.get("locked") instanceof YamlNode.Sequence locked) {
                for (int i = 0; i < locked.items().size(); i++) {
                    String key = ((YamlNode.Scalar) locked.items().get(i)).text().strip();
                    locks.add(new PolicyLock(key, sourceOf.apply(List.of("locked", i))));
                }
            }
        }

        void applyInline(ObjectNode over, InlineSettings inline, boolean isBase) throws PolicyException {
            java.util.function.Function<List<Object>, SettingSource> sourceOf = path -> {
                SettingSource source = inline.sourceOf(PolicySchema.display(path));
                return source == null ? new SettingSource.PomParameter("configuration", "the POM") : source;
            };
            tree = (ObjectNode) apply(tree, over, new ArrayList<>(), sourceOf, isBase);
        }

        private JsonNode apply(JsonNode base, JsonNode over, List<Object> path,
                java.util.function.Function<List<Object>, SettingSource> sourceOf, boolean isBase) throws PolicyException {
            if (over == null || over.isNull()) {
                return base;
            }
            if (over instanceof ObjectNode object && (base == null || base instanceof ObjectNode)) {
                ObjectNode result = base == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) base).deepCopy();
                for (Map.Entry<String, JsonNode> e : object.properties()) {
                    List<Object> child = new ArrayList<>(path);
                    child.add(e.getKey());
                    JsonNode merged = apply(result.get(e.getKey()), e.getValue(), child, sourceOf, isBase);
                    if (merged != null) {
                        result.set(e.getKey(), merged);
                    }
                }
                return result;
            }
            String key = PolicySchema.display(path);
            PolicyLock lock = isBase ? null : locking(key);
            if (!isBase && key.equals("ci.tools") && over.isArray()) {
                boundToolCountedRuns(base, over, path, sourceOf);
            }
            if (lock != null && ID_LISTS.containsKey(key) && over.isArray() && (base == null || base.isArray())) {
                return mergeLockedList((tools.jackson.databind.node.ArrayNode) base, over, path, sourceOf, lock);
            }
            if (base != null && base.equals(over)) {
                return base;
            }
            SettingSource source = sourceOf.apply(path);
            if (lock != null && !PolicyLock.isStricter(key, base, over)) {
                throw violation(key, over, source, lock);
            }
            if (!isBase) {
                overrides.add(new PolicyOverride(key, base == null ? "(not set)" : show(key, base), show(key, over), source));
            }
            provenance.keySet().removeIf(k -> k.equals(key) || k.startsWith(key + ".") || k.startsWith(key + "["));
            provenance.put(key, source);
            return over;
        }

        /**
         * A locked list of items with ids: the policy's items stay as they are; an item the
         * repository adds runs and is reported, but carries no points, so adding an easy check
         * cannot dilute a failing one.
         */
        private JsonNode mergeLockedList(tools.jackson.databind.node.ArrayNode base, JsonNode over, List<Object> path,
                java.util.function.Function<List<Object>, SettingSource> sourceOf, PolicyLock lock) throws PolicyException {
            String key = PolicySchema.display(path);
            var result = base == null ? JsonNodeFactory.instance.arrayNode() : base.deepCopy();
            Map<String, ObjectNode> byId = new LinkedHashMap<>();
            for (JsonNode item : result) {
                if (item instanceof ObjectNode o && o.hasNonNull("id")) {
                    byId.put(o.get("id").asString().strip(), o);
                }
            }
            for (int i = 0; i < over.size(); i++) {
                List<Object> itemPath = new ArrayList<>(path);
                itemPath.add(i);
                SettingSource source = sourceOf.apply(itemPath);
                if (!(over.get(i) instanceof ObjectNode item) || !item.hasNonNull("id")) {
                    throw new PolicyException(source.display() + ": " + key + "[" + i + "] has no id");
                }
                String id = item.get("id").asString().strip();
                String itemKey = key + "[" + id + "]";
                ObjectNode existing = byId.get(id);
                if (existing != null) {
                    for (Map.Entry<String, JsonNode> field : item.properties()) {
                        JsonNode old = existing.get(field.getKey());
                        if (field.getKey().equals("id") || field.getValue().isNull() || field.getValue().equals(old)) {
                            continue;
                        }
                        throw violation(itemKey + "." + field.getKey(), field.getValue(), source, lock);
                    }
                    continue;
                }
                ObjectNode added = item.deepCopy();
                added.put(ID_LISTS.get(key), 0);
                result.add(added);
                byId.put(id, added);
                overrides.add(new PolicyOverride(itemKey, PolicyOverride.NOT_IN_POLICY,
                        show(itemKey, added) + " (added: " + key + " is locked, so it carries no points)", source));
                provenance.put(itemKey, source);
            }
            return result;
        }

        /**
         * A locked {@code ci.countedRuns} also bounds every tool's: a tool list that gives a tool
         * wider counted runs than it had (its own, else {@code ci.countedRuns}, else the default)
         * is refused, whether the list itself is locked or not.
         */
        private void boundToolCountedRuns(JsonNode base, JsonNode over, List<Object> path,
                java.util.function.Function<List<Object>, SettingSource> sourceOf) throws PolicyException {
            PolicyLock lock = locking("ci.countedRuns");
            if (lock == null) {
                return;
            }
            JsonNode global = tree.path("ci").get("countedRuns");
            Map<String, JsonNode> before = new LinkedHashMap<>();
            if (base != null && base.isArray()) {
                for (JsonNode item : base) {
                    if (item.hasNonNull("id")) {
                        before.put(item.get("id").asString().strip(), item.get("countedRuns"));
                    }
                }
            }
            for (int i = 0; i < over.size(); i++) {
                JsonNode item = over.get(i);
                if (!item.hasNonNull("id")) {
                    continue;
                }
                String id = item.get("id").asString().strip();
                JsonNode from = before.get(id) != null && !before.get(id).isNull() ? before.get(id) : global;
                JsonNode to = item.get("countedRuns") != null && !item.get("countedRuns").isNull() ? item.get("countedRuns") : global;
                for (String part : List.of("events", "branches")) {
                    String key = "ci.tools[" + id + "].countedRuns." + part;
                    JsonNode a = from == null ? null : from.get(part);
                    JsonNode b = to == null ? null : to.get(part);
                    if (b == null && a == null || b != null && b.equals(a)) {
                        continue;
                    }
                    JsonNode shown = b != null ? b : MAPPER.valueToTree(part.equals("events")
                            ? PolicyDocument.CountedRuns.DEFAULT.events() : PolicyDocument.CountedRuns.DEFAULT.branches());
                    if (!PolicyLock.isStricter(key, a, shown)) {
                        List<Object> itemPath = new ArrayList<>(path);
                        itemPath.add(i);
                        throw violation(key, shown, sourceOf.apply(itemPath), lock);
                    }
                }
            }
        }

        private PolicyLock locking(String key) {
            for (PolicyLock lock : locks) {
                // A preset is a list of tools: with ci.tools locked, choosing one would add tools
                // that carry points, around the rule that added tools carry none.
                if (lock.covers(key) || key.equals("ci.preset") && lock.covers("ci.tools")) {
                    return lock;
                }
            }
            return null;
        }
    }

    private static PolicyException violation(String key, JsonNode tried, SettingSource source, PolicyLock lock) {
        String direction = PolicyLock.RAISABLE.contains(key) ? " (it may only be raised)"
                : PolicyLock.isCountedRunsPart(key) ? " (it may only be narrowed)" : "";
        return new PolicyException(key + " is locked by " + lock.declaredAt().display() + direction + ": "
                + source.display() + " tried " + show(key, tried));
    }

    private static final int SHOWN_CHARS = 120;

    /** A value for a message or report: compact JSON, environment values masked, long values cut. */
    private static String show(String key, JsonNode value) {
        JsonNode shown = value;
        if (key.contains("environment") || key.startsWith("checks")) {
            shown = masked(value.deepCopy());
            if (key.endsWith(".environment") && shown instanceof ObjectNode env) {
                env.propertyNames().forEach(n -> env.put(n, "****"));
            }
        }
        String text = MAPPER.writeValueAsString(shown);
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text;
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
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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

    /**
     * What reading a policy file gave: its tree, its bytes (for the digest a verifier compares),
     * and for a classpath file the jar it lies in.
     *
     * @param artifact {@code groupId:artifactId:version} from the jar's {@code pom.properties}, or null
     * @param container the jar (or classpath directory) holding the file; null for a repository file
     */
    private record Read(YamlNode document, byte[] bytes, String artifact, String container) {}

    private sealed interface Source permits FileSource, ClasspathSource {
        String id();

        String display();

        Read read(YamlReader reader) throws PolicyException;
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
        public Read read(YamlReader reader) throws PolicyException {
            // One read: the digest is of exactly the text that was parsed (strict UTF-8 round-trips).
            String text = reader.readText(file, relative);
            return new Read(reader.parse(text, relative), text.getBytes(StandardCharsets.UTF_8), null, null);
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
        public Read read(YamlReader reader) throws PolicyException {
            ClasspathResource found = ClasspathResource.readSingle(classLoader, resource, (int) YamlReader.DEFAULT_MAX_BYTES,
                    display() + ":", "not found on the plugin's classpath (add the jar that holds it as a dependency of the plugin)");
            URL url = found.url();
            byte[] bytes = found.bytes();
            YamlNode document;
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                document = reader.parse(text, display());
            } catch (CharacterCodingException e) {
                throw new PolicyException(display() + ": is not valid UTF-8 text");
            }
            PolicyArtifact artifact = PolicyArtifact.of(url, resource);
            return new Read(document, bytes, artifact.coordinates(), artifact.container());
        }
    }
}
