package dev.root24.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates a policy document against the JSON Schema shipped in the rules jar
 * ({@value #RESOURCE}) and turns the validator's findings into one-line messages with file, line
 * and the offending key, e.g. {@code root24-policy.yaml:14: scoring.weights.static must be an
 * integer 0..100}. Unknown keys get a "did you mean" when a known key is close.
 */
public final class PolicySchema {

    public static final String RESOURCE = "root24/root24-policy.schema.json";

    private final JsonNode schemaTree;
    private final Schema schema;

    private PolicySchema(JsonNode schemaTree) {
        this.schemaTree = schemaTree;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                com.networknt.schema.SchemaLocation.of("https://root24.dev/schema/root24-policy-1.json"), schemaTree);
    }

    /**
     * The schema shipped in the rules jar, compiled once: both rules and certify of one build share
     * it (it is immutable and the validator is thread-safe), and a run that validates nothing never
     * loads the validator.
     */
    public static PolicySchema bundled() {
        return Bundled.SCHEMA;
    }

    /** Initialised on first use only (holder idiom): compiling the schema loads the whole validator. */
    private static final class Bundled {
        static final PolicySchema SCHEMA = load();

        private static PolicySchema load() {
            try (InputStream in = PolicySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the rules jar");
                }
                return new PolicySchema(JsonMapper.builder().build().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every problem of {@code document}, sorted by line; empty when it is valid. */
    public List<String> validate(YamlNode document, String file) {
        return problems(document, file).stream().map(PolicyException::getMessage).toList();
    }

    /** Every problem of {@code document} with its file and line, sorted by line, each once; empty when it is valid. */
    public List<PolicyException> problems(YamlNode document, String file) {
        List<Error> errors = schema.validate(toJson(document));
        List<Finding> findings = new ArrayList<>();
        for (Error error : errors) {
            findings.add(describe(error, document, file));
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparing(Finding::message));
        java.util.Map<String, PolicyException> distinct = new java.util.LinkedHashMap<>();
        for (Finding f : findings) {
            PolicyException problem = PolicyException.at(file, f.line(), f.message());
            distinct.putIfAbsent(problem.getMessage(), problem);
        }
        return List.copyOf(distinct.values());
    }

    /** Whether {@code dotted} (e.g. {@code scoring.weights}) names a key of the policy, for {@code locked}. */
    public boolean knowsKey(String dotted) {
        JsonNode node = schemaTree;
        for (String key : dotted.split("\\.")) {
            JsonNode properties = node.path("properties");
            if (!properties.has(key) || key.equals("version") || key.equals("extends") || key.equals("locked")) {
                return false;
            }
            node = properties.get(key);
        }
        return true;
    }

    private record Finding(int line, String message) {}

    /**
     * Every problem of a tree that has no file, such as the POM's inline parameters: the same
     * bounds as a policy file, so an inline number can never skip them. Each message starts with
     * where its key came from, as {@code sourceOfKey} names it (it gets the key's dotted path).
     */
    public List<String> validateTree(JsonNode tree, java.util.function.Function<String, String> sourceOfKey) {
        List<Error> errors = schema.validate(tree);
        YamlNode document = fromJson(tree);
        List<String> problems = new ArrayList<>();
        for (Error error : errors) {
            List<Object> path = elements(error.getInstanceLocation());
            if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                path.add(error.getProperty());
            }
            problems.add(sourceOfKey.apply(display(path)) + ": " + describe(error, document, "").message());
        }
        return problems.stream().distinct().sorted().toList();
    }

    /** A Jackson tree as a YAML tree without lines, for {@link #validateTree}. */
    private static YamlNode fromJson(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, YamlNode> entries = new java.util.LinkedHashMap<>();
            object.properties().forEach(e -> entries.put(e.getKey(), fromJson(e.getValue())));
            return new YamlNode.Mapping(0, entries, Map.of());
        }
        if (node instanceof ArrayNode array) {
            List<YamlNode> items = new ArrayList<>();
            array.forEach(item -> items.add(fromJson(item)));
            return new YamlNode.Sequence(0, items);
        }
        if (node == null || node.isNull()) {
            return new YamlNode.Scalar(0, null);
        }
        if (node.isBoolean()) {
            return new YamlNode.Scalar(0, node.booleanValue());
        }
        if (node.isNumber()) {
            return new YamlNode.Scalar(0, node.numberValue());
        }
        return new YamlNode.Scalar(0, node.asString());
    }


    private Finding describe(Error error, YamlNode document, String file) {
        List<Object> path = elements(error.getInstanceLocation());
        String where = display(path);
        JsonNode schemaParent = schemaParent(error);
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        switch (keyword) {
            case "additionalProperties" -> {
                String key = error.getProperty();
                List<Object> keyPath = new ArrayList<>(path);
                keyPath.add(key);
                String hint = closest(key, schemaParent == null ? List.of() : names(schemaParent.get("properties")))
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                return new Finding(lineOf(document, keyPath), "unknown key '" + display(keyPath) + "'" + hint);
            }
            case "required" -> {
                return new Finding(lineOf(document, path),
                        (where.isEmpty() ? "the document" : where) + " is missing required key '" + error.getProperty() + "'");
            }
            case "type", "minimum", "maximum" -> {
                String words = plainWords(schemaParent);
                return new Finding(lineOf(document, path), where + " must be " + (words != null ? words : expected(schemaParent)));
            }
            case "enum" -> {
                List<String> values = new ArrayList<>();
                schemaParent.get("enum").forEach(v -> values.add(v.asString()));
                String hint = error.getInstanceNode() != null && error.getInstanceNode().isString()
                        ? closest(error.getInstanceNode().asString(), values).map(v -> " (did you mean '" + v + "'?)").orElse("")
                        : "";
                return new Finding(lineOf(document, path), where + " must be one of " + String.join(", ", values) + hint);
            }
            case "const" -> {
                return new Finding(lineOf(document, path), where + " must be " + schemaParent.get("const"));
            }
            case "pattern" -> {
                String words = plainWords(schemaParent);
                return new Finding(lineOf(document, path), where + " must "
                        + (words != null ? "be " + words : "match " + schemaParent.get("pattern").asString()));
            }
            case "minLength" -> {
                return new Finding(lineOf(document, path), where + " must not be empty");
            }
            case "uniqueItems" -> {
                return new Finding(lineOf(document, path), where + " must not list an item twice");
            }
            default -> {
                return new Finding(lineOf(document, path), where + ": " + error.getMessage());
            }
        }
    }

    /**
     * A value with a pattern (e.g. a timeout) is described in words by its schema's description; a
     * regular expression is no help to a user, so the message says those words instead.
     */
    private static String plainWords(JsonNode schemaNode) {
        if (schemaNode == null || !schemaNode.has("pattern") || !schemaNode.has("description")) {
            return null;
        }
        JsonNode words = schemaNode.get("description");
        return words.isString() ? words.asString() : null;
    }

    private static String expected(JsonNode schemaNode) {
        if (schemaNode == null || !schemaNode.has("type")) {
            return "of another type";
        }
        String type = schemaNode.get("type").asString();
        return switch (type) {
            case "integer" -> {
                if (schemaNode.has("minimum") && schemaNode.has("maximum")) {
                    yield "an integer " + schemaNode.get("minimum").asLong() + ".." + schemaNode.get("maximum").asLong();
                }
                yield "an integer";
            }
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a map";
            case "number" -> "a number";
            default -> type;
        };
    }

    /** The schema object that holds the failing keyword (so its siblings: type, minimum, properties...). */
    private JsonNode schemaParent(Error error) {
        String location = String.valueOf(error.getSchemaLocation());
        int hash = location.indexOf('#');
        if (hash < 0) {
            return null;
        }
        String[] parts = location.substring(hash + 1).split("/");
        JsonNode node = schemaTree;
        // The last segment is the keyword itself; stop at its parent.
        for (int i = 0; i < parts.length - 1 && node != null; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            node = node.isArray() ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        return node;
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        if (properties != null) {
            properties.propertyNames().forEach(names::add);
        }
        return names;
    }

    private static java.util.Optional<String> closest(String key, List<String> candidates) {
        return NearestName.to(key, candidates);
    }

    private static List<Object> elements(NodePath path) {
        List<Object> elements = new ArrayList<>();
        if (path != null) {
            for (int i = 0; i < path.getNameCount(); i++) {
                elements.add(path.getElement(i));
            }
        }
        return elements;
    }

    static String display(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(element);
            }
        }
        return text.toString();
    }

    /** The line of the key (or item) at {@code path}, or of the closest existing ancestor. */
    static int lineOf(YamlNode document, List<Object> path) {
        YamlNode node = document;
        int line = document.line();
        for (Object element : path) {
            if (node instanceof YamlNode.Mapping map && element instanceof String key && map.entries().containsKey(key)) {
                line = map.lineOf(key);
                node = map.get(key);
            } else if (node instanceof YamlNode.Sequence list && element instanceof Integer index
                    && index < list.items().size()) {
                node = list.items().get(index);
                line = node.line();
            } else {
                break;
            }
        }
        return line;
    }

    /** The YAML tree as a Jackson tree, keys in document order. */
    public static JsonNode toJson(YamlNode node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof YamlNode.Mapping map) {
            ObjectNode object = f.objectNode();
            for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
                object.set(e.getKey(), toJson(e.getValue()));
            }
            return object;
        }
        if (node instanceof YamlNode.Sequence list) {
            ArrayNode array = f.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        Object value = ((YamlNode.Scalar) node).value();
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof java.math.BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof Number n) {
            return f.numberNode(new java.math.BigDecimal(n.toString()));
        }
        return f.stringNode(value.toString());
    }
}
