package dev.root24.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dev.root24.exec.SecretMask;
import dev.root24.findings.Declarations;
import dev.root24.output.OutputFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code report.json}, {@code report.md} and {@code report.sarif} into the output
 * directory (each replaced atomically, so a reader never sees half a report, and readable by all:
 * mode 0644) and appends the
 * Markdown to the GitHub step summary file when one is named.
 */
public final class ReportFiles {

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String SARIF = "report.sarif";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SecretMask mask;

    public ReportFiles() {
        this(SecretMask.none());
    }

    /** @param mask applied to every file written, so no secret of the environment reaches one */
    public ReportFiles(SecretMask mask) {
        this.mask = mask;
    }

    /**
     * @param stepSummary the file named by {@code $GITHUB_STEP_SUMMARY}, or null
     * @return the three files written
     * @throws IOException when the directory or a file cannot be written
     */
    public List<Path> write(Certification certification, Path directory, Path stepSummary) throws IOException {
        return write(certification, directory, stepSummary, Declarations.pomOnly(
                SarifReport.pluginDeclaration(Path.of(certification.root()), certification.pomFile())));
    }

    /**
     * @param declarations where the policy's settings are declared, so that a SARIF result on a
     *     missing file or a directory points at the line that asks for it
     */
    public List<Path> write(Certification certification, Path directory, Path stepSummary, Declarations declarations)
            throws IOException {
        Files.createDirectories(directory);
        Path json = replace(directory.resolve(JSON), new JsonReport(mapper).render(certification));
        String markdown = new MarkdownReport().render(certification);
        Path md = replace(directory.resolve(MARKDOWN), markdown);
        Path sarif = replace(directory.resolve(SARIF), new SarifReport(mapper).render(certification, declarations));
        if (stepSummary != null) {
            Files.writeString(stepSummary, mask.apply(markdown) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return List.of(json, md, sarif);
    }

    private Path replace(Path target, String content) throws IOException {
        // Reports are read by people and CI steps other than the build's user: readable by all.
        return OutputFile.replace(target, mask.apply(content).getBytes(StandardCharsets.UTF_8), OutputFile.Access.SHARED);
    }
}
