package dev.root24.findings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.root24.output.OutputFile;
import tools.jackson.databind.json.JsonMapper;
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
 * @param root the repository root, which the SARIF's paths are relative to
 * @param declaration the POM line that declares the rule, where findings without a file of their own are shown
 */
public record RuleReport(String rule, boolean passed, String verdict, List<Finding> findings, Path root, Place declaration) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public RuleReport {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        if (!rule.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("rule name must be a plain file name: " + rule);
        }
        findings = List.copyOf(findings);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(declaration, "declaration");
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

    /** The SARIF 2.1.0 log ({@link SarifLog}): one run in the rule's own category, one result per finding. */
    public ObjectNode sarif() {
        // One category per rule: code scanning refuses several runs of one tool and category in one upload.
        return new SarifLog(null, "root24-enforcer/" + rule + "/", root, declaration, findings, Map.of()).toJson(MAPPER);
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
