package dev.root24.org;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import dev.root24.output.OutputFile;
import dev.root24.policy.PolicyException;

/**
 * Writes the organisation report into one directory: {@code index.html} (with its style sheet and
 * script), {@code org-report.json}, {@code org-report.csv}, and {@code projects/} with one page
 * and one SVG chart per project. Nothing is written through a symbolic link.
 */
public final class OrgReportFiles {

    /** The file name of the JSON report. */
    public static final String JSON = "org-report.json";
    /** The file name of the CSV report. */
    public static final String CSV = "org-report.csv";

    private OrgReportFiles() {
    }

    /** @return the written {@code index.html} */
    public static Path write(OrgReport report, OrgReportHtml html, Path directory) throws PolicyException {
        Path dir = directory.toAbsolutePath().normalize();
        Path projects = dir.resolve("projects");
        try {
            for (Path d : new Path[] {dir, projects}) {
                if (Files.isSymbolicLink(d)) {
                    throw new PolicyException(d + ": is a symbolic link; the organisation report is not written through it");
                }
                Files.createDirectories(d);
            }
            put(dir.resolve("org-report.css"), OrgReportHtml.STYLE.getBytes(StandardCharsets.UTF_8));
            put(dir.resolve("org-report.js"), OrgReportHtml.SCRIPT.getBytes(StandardCharsets.UTF_8));
            put(dir.resolve(JSON), OrgReportJson.write(report));
            put(dir.resolve(CSV), OrgReportCsv.write(report));
            for (ProjectRow row : report.rows()) {
                String name = OrgReportHtml.pageName(row.project());
                Optional<String> svg = html.svg(row);
                if (svg.isPresent()) {
                    put(projects.resolve(name + ".svg"), svg.get().getBytes(StandardCharsets.UTF_8));
                }
                put(projects.resolve(name + ".html"), html.page(row, svg.isPresent() ? name + ".svg" : null));
            }
            Path index = dir.resolve("index.html");
            put(index, html.index(report));
            return index;
        } catch (IOException e) {
            throw new PolicyException(dir + ": the organisation report cannot be written (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void put(Path file, byte[] bytes) throws IOException, PolicyException {
        if (Files.isSymbolicLink(file) || Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file,
                LinkOption.NOFOLLOW_LINKS)) {
            throw new PolicyException(file + ": is a symbolic link or not a regular file; not written through");
        }
        OutputFile.replace(file, bytes);
    }
}
