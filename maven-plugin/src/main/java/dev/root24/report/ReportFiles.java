package dev.root24.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import dev.root24.exec.SecretMask;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code report.json}, {@code report.md} and {@code report.sarif} into the output
 * directory (each replaced atomically, so a reader never sees half a report) and appends the
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
        Files.createDirectories(directory);
        Path json = replace(directory.resolve(JSON), new JsonReport(mapper).render(certification));
        String markdown = new MarkdownReport().render(certification);
        Path md = replace(directory.resolve(MARKDOWN), markdown);
        Path sarif = replace(directory.resolve(SARIF), new SarifReport(mapper).render(certification));
        if (stepSummary != null) {
            Files.writeString(stepSummary, mask.apply(markdown) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return List.of(json, md, sarif);
    }

    private Path replace(Path target, String content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, mask.apply(content), StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}
