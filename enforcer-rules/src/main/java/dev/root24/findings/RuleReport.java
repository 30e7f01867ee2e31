package dev.root24.findings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.root24.output.OutputFile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A rule's outcome written where CI can pick it up even when the rule fails the build:
 * {@code <build directory>/root24/<rule>.sarif} and a Markdown section appended to the GitHub
 * step summary. Writing is best effort: a failure becomes a warning for the caller to log,
 * because a report that cannot be written must not change the verdict.
 *
 * @param rule the rule's name, e.g. {@code root24Lock}; also the SARIF file's name
 * @param passed whether the rule lets the build go on
 * @param verdict one line saying what the rule concluded
 * @param findings what it found, errors and warnings alike
 */
public record RuleReport(String rule, boolean passed, String verdict, List<Finding> findings) {

    /** The key of our own entry in {@code partialFingerprints}. */
    public static final String FINGERPRINT_KEY = "root24/v1";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public RuleReport {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        if (!rule.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("rule name must be a plain file name: " + rule);
        }
        findings = List.copyOf(findings);
    }

    /**
     * Writes the SARIF file under {@code buildDirectory} and, when {@code stepSummary} is set,
     * appends the Markdown section to it.
     *
     * @param buildDirectory the execution root's build directory ({@code target/})
     * @param stepSummary the file {@code GITHUB_STEP_SUMMARY} names, or {@code null}/blank
     * @return one line per thing that could not be written; empty when all went well
     */
    public List<String> write(Path buildDirectory, String stepSummary) {
        List<String> problems = new ArrayList<>();
        Path sarif = buildDirectory.resolve("root24").resolve(rule + ".sarif");
        try {
            writeAtomically(sarif, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(sarif()));
        } catch (IOException | RuntimeException e) {
            problems.add(rule + ": could not write " + sarif + ": " + reason(e));
        }
        if (stepSummary != null && !stepSummary.isBlank()) {
            Path summary = Path.of(stepSummary.strip());
            try {
                append(summary, markdown());
            } catch (IOException | RuntimeException e) {
                problems.add(rule + ": could not append to the step summary " + summary + ": " + reason(e));
            }
        }
        return problems;
    }

    /** The SARIF 2.1.0 log: one run, one rule per distinct {@code ruleId}, one result per finding. */
    public ObjectNode sarif() {
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Root24 Lock");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (!ruleIndex.containsKey(finding.ruleId())) {
                ruleIndex.put(finding.ruleId(), ruleIndex.size());
                ObjectNode descriptor = rules.addObject();
                descriptor.put("id", finding.ruleId());
                descriptor.putObject("shortDescription").put("text", rule + ": " + finding.ruleId());
            }
        }
        // One category per rule: code scanning refuses several runs of one tool and category in one upload.
        run.putObject("automationDetails").put("id", "root24-enforcer/" + rule + "/");
        ObjectNode base = run.putObject("originalUriBaseIds").putObject("%SRCROOT%");
        base.putObject("description").put("text", "The repository root");
        ArrayNode results = run.putArray("results");
        for (Finding finding : findings) {
            ObjectNode result = results.addObject();
            result.put("ruleId", finding.ruleId());
            result.put("ruleIndex", ruleIndex.get(finding.ruleId()));
            result.put("level", finding.level().sarif());
            result.putObject("message").put("text",
                    finding.fix().isEmpty() ? finding.message() : finding.message() + " (fix: " + finding.fix() + ")");
            if (finding.file() != null) {
                ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
                ObjectNode artifact = physical.putObject("artifactLocation");
                artifact.put("uri", finding.file());
                artifact.put("uriBaseId", "%SRCROOT%");
                if (finding.line() > 0) {
                    physical.putObject("region").put("startLine", finding.line());
                }
            }
            result.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprint(finding));
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        return log;
    }

    /** The step-summary section: rule, verdict, then each finding with its fix. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(System.lineSeparator()).append("### ").append(rule).append(": ").append(passed ? "passed" : "FAILED")
                .append("\n\n").append(escape(verdict)).append("\n\n");
        for (Finding finding : findings) {
            out.append("- **").append(finding.level().sarif()).append("** ");
            if (finding.file() != null) {
                out.append('`').append(finding.file().replace("`", "'"));
                if (finding.line() > 0) {
                    out.append(':').append(finding.line());
                }
                out.append("`: ");
            }
            out.append(escape(finding.message()));
            if (!finding.fix().isEmpty()) {
                out.append(" (fix: ").append(escape(finding.fix())).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * SHA-256 of rule id, file and message with digits and spacing normalised, so an alert keeps
     * its identity across runs and line shifts.
     */
    static String fingerprint(Finding finding) {
        String normalised = finding.message().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        String key = finding.ruleId() + "\n" + (finding.file() == null ? "" : finding.file()) + "\n" + normalised;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Markdown would otherwise let a path or message open a link or an HTML element. */
    private static String escape(String text) {
        return text.replace("\r", " ").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>|])", "\\\\$1");
    }

    /**
     * Temp file in the same directory, then a replacing move: a reader never sees half a file,
     * and a link planted at the target or on the way is refused, not followed.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        refuseLinks(directory);
        Files.createDirectories(directory);
        refuseLinks(directory);
        if (Files.isSymbolicLink(target)) {
            throw new IOException("it is a symbolic link");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("it is not a regular file");
        }
        OutputFile.replace(target, content);
    }

    /** Appends without following a link at the file itself (O_NOFOLLOW). */
    static void append(Path file, String text) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw new IOException("it is a symbolic link");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("it is not a regular file");
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every existing ancestor from the directory up must be a real directory, not a link. */
    private static void refuseLinks(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        // Only the part we own (the build directory and below) is checked; the checkout may
        // legitimately live under a linked home or workspace directory.
        for (Path p = absolute; p != null && p.getNameCount() > absolute.getNameCount() - 2; p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new IOException(p + " is a symbolic link");
            }
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
