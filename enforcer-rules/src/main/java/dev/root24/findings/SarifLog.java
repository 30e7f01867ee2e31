package dev.root24.findings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one SARIF 2.1.0 shape of every Root24 report, the rules' {@code <rule>.sarif} and certify's
 * {@code report.sarif}, written for GitHub code scanning:
 * <ul>
 * <li>every rule has both descriptions, help as text and Markdown, tags, precision and
 *     {@code problem.severity} ({@link SarifRule}); no {@code security-severity}, since these
 *     findings are not rated vulnerabilities;</li>
 * <li>a result is located only at an existing regular file of the repository: a finding on a
 *     missing file, a directory or nothing is shown where it is declared (the policy line, the
 *     POM), so code scanning never points at a path it cannot open; every location has a
 *     {@code region}, at line 1 when the finding concerns the file as a whole;</li>
 * <li>each result carries {@code partialFingerprints["root24/v1"]}: SHA-256 of the rule id, the
 *     finding's own path and its message with numbers and spacing normalised, so an alert keeps
 *     its identity when lines move or results are reordered.</li>
 * </ul>
 *
 * @param toolVersion the tool's version, or null
 * @param category {@code automationDetails.id}: code scanning keeps one set of alerts per tool and category
 * @param root the repository root, against which files are checked and URIs resolved
 * @param fallback where a finding with no usable file or declaration is shown (the POM's declaration)
 * @param findings what to report, in order
 * @param properties run properties (scores, tier), or empty
 */
public record SarifLog(String toolVersion, String category, Path root, Place fallback, List<Finding> findings,
        Map<String, Object> properties) {

    /** The key of our own entry in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "root24/v1";
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String TOOL = "Root24 Lock";
    static final String SRCROOT = "%SRCROOT%";

    private static final Pattern LINE_REFERENCE = Pattern.compile("\\b(lines?|at) \\d+(\\s*[-:]\\s*\\d+)*|:\\d+(:\\d+)?\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public SarifLog {
        Objects.requireNonNull(category, "category");
        root = root.toAbsolutePath().normalize();
        Objects.requireNonNull(fallback, "fallback");
        findings = List.copyOf(findings);
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The log as a JSON tree. */
    public ObjectNode toJson(JsonMapper mapper) {
        ObjectNode log = mapper.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL);
        if (toolVersion != null) {
            driver.put("version", toolVersion);
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), ruleIndex.size());
                describe(rules.addObject(), SarifRule.of(finding.ruleId()));
            }
        }
        run.putObject("automationDetails").put("id", category);
        ObjectNode base = run.putObject("originalUriBaseIds").putObject(SRCROOT);
        base.put("uri", directoryUri(root));
        base.putObject("description").put("text", "The repository root");
        run.putArray("invocations").addObject().put("executionSuccessful", true);
        ArrayNode results = run.putArray("results");
        List<String> fingerprints = fingerprints(findings);
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            result.put("ruleIndex", ruleIndex.get(finding.ruleId()));
            result.put("level", finding.level().sarif());
            Place place = locate(finding);
            String message = finding.message();
            if (finding.file() != null && (place == null || !place.file().equals(finding.file()))
                    && !message.contains(finding.file())) {
                // Shown elsewhere, the message must still say what it is about.
                message = finding.file() + ": " + message;
            }
            result.putObject("message").put("text", finding.fix().isEmpty() ? message : message + " (fix: " + finding.fix() + ")");
            if (place != null) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode artifact = physical.putObject("artifactLocation");
                artifact.put("uri", relativeUri(place.file()));
                artifact.put("uriBaseId", SRCROOT);
                // A finding on a file as a whole (a stray root file, a workflow that never names the
                // tool) is shown at its first line: code scanning places and tracks alerts by line.
                physical.putObject("region").put("startLine", Math.max(1, place.line()));
            }
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprints.get(i));
        }
        if (!properties.isEmpty()) {
            run.set("properties", mapper.valueToTree(properties));
        }
        return log;
    }

    /** The log as pretty-printed JSON with a final newline. */
    public String render(JsonMapper mapper) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(mapper)) + "\n";
    }

    private static void describe(ObjectNode node, SarifRule rule) {
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", rule.shortDescription());
        node.putObject("fullDescription").put("text", rule.fullDescription());
        ObjectNode help = node.putObject("help");
        help.put("text", rule.helpText());
        help.put("markdown", rule.help());
        node.putObject("defaultConfiguration").put("level", switch (rule.severity()) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        });
        ObjectNode properties = node.putObject("properties");
        ArrayNode tags = properties.putArray("tags");
        rule.tags().forEach(tags::add);
        properties.put("precision", rule.precision());
        properties.put("problem.severity", rule.severity());
    }

    /** The finding's own file; else its declaration; else the fallback; each only if it is an existing regular file. */
    private Place locate(Finding finding) {
        if (finding.file() != null && isRegularFile(finding.file())) {
            return new Place(finding.file(), finding.line());
        }
        if (finding.declaredAt() != null && isRegularFile(finding.declaredAt().file())) {
            return finding.declaredAt();
        }
        return isRegularFile(fallback.file()) ? fallback : null;
    }

    private boolean isRegularFile(String file) {
        if (file.isBlank() || file.endsWith("/")) {
            return false;
        }
        Path path;
        try {
            path = root.resolve(file).normalize();
        } catch (RuntimeException e) {
            return false;
        }
        return path.startsWith(root) && !path.equals(root) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * One fingerprint per finding. Findings that normalise alike (the same rule, file and message
     * but for numbers) are told apart by their rank in the order of their exact messages, which
     * does not depend on the order they were reported in or on their lines.
     */
    static List<String> fingerprints(List<Finding> findings) {
        List<String> hashes = findings.stream().map(SarifLog::hash).toList();
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
            groups.computeIfAbsent(hashes.get(i), h -> new ArrayList<>()).add(i);
        }
        String[] result = new String[findings.size()];
        for (List<Integer> group : groups.values()) {
            group.sort(Comparator.comparing((Integer i) -> findings.get(i).message()).thenComparing(i -> findings.get(i).fix()));
            for (int rank = 0; rank < group.size(); rank++) {
                result[group.get(rank)] = hashes.get(group.get(rank)) + ":" + (rank + 1);
            }
        }
        return List.of(result);
    }

    /** SHA-256 of rule id, the finding's own path and its normalised message. */
    static String hash(Finding finding) {
        String key = finding.ruleId() + "\n" + (finding.file() == null ? "" : finding.file()) + "\n" + normalise(finding.message());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Lower case, single spaces, no line references, every number 0: what stays when a file is edited around the problem. */
    static String normalise(String message) {
        String text = message.strip().toLowerCase(Locale.ROOT);
        text = LINE_REFERENCE.matcher(text).replaceAll("");
        text = NUMBER.matcher(text).replaceAll("0");
        return SPACE.matcher(text).replaceAll(" ").strip();
    }

    /** A repository-relative path as a relative URI reference, percent-encoded where needed. */
    static String relativeUri(String path) {
        try {
            return new URI(null, null, path.replace('\\', '/'), null).getRawPath();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    static String directoryUri(Path root) {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
