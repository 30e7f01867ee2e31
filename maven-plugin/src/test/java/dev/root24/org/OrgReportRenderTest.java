package dev.root24.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.xml.parsers.DocumentBuilderFactory;

import dev.root24.score.ScorePoint;
import dev.root24.score.TierThresholds;
import dev.root24.site.ScoreChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report's files, fed claims a hostile team chose. */
class OrgReportRenderTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final Instant WHEN = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private static ProjectRow row(String coordinates, OrgStatus status, String tier, int score, String reason) {
        List<ScorePoint> history = List.of(new ScorePoint(0, WHEN.minusSeconds(86_400), 70, 70, 70, 70, ScorePoint.Trust.VERIFIED),
                new ScorePoint(1, WHEN, score < 0 ? 0 : score, 80, 80, 80, ScorePoint.Trust.FAILED));
        return new ProjectRow(ProjectCoordinates.parse(coordinates), status, "1.0", tier, score, WHEN, "1.0.0",
                List.of("0123456789abcdef"), 1, reason == null ? List.of() : List.of(reason), 2, history);
    }

    private static OrgReport report(List<ProjectRow> rows) {
        return new OrgReport(rows, WHEN, "classpath:root24/acme-policy.yaml in com.acme:policy:1.0.0", "a".repeat(64));
    }

    private static Document parse(byte[] html) throws Exception {
        String xml = new String(html, StandardCharsets.UTF_8).replaceFirst("<!DOCTYPE html>", "");
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void claimsWithMarkupAreTextInEveryPageAndNeverMarkup() throws Exception {
        OrgReport report = report(List.of(row("com.acme:portal", OrgStatus.FAILED_VERIFICATION, SCRIPT, 99,
                "it certifies <img src=x onerror=alert(2)>\u0000\uFFFE")));
        Path index = OrgReportFiles.write(report, new OrgReportHtml(new ScoreChart(TierThresholds.DEFAULT)), dir);
        ProjectCoordinates p = ProjectCoordinates.parse("com.acme:portal");
        Path page = dir.resolve("projects/" + OrgReportHtml.pageName(p) + ".html");
        for (Path f : List.of(index, page)) {
            byte[] html = Files.readAllBytes(f);
            String text = new String(html, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(SCRIPT).doesNotContain("<img src=x");
            // Well-formed: every claim went through the writer, so the page parses as XML with one script, ours.
            Document doc = parse(html);
            assertThat(doc.getElementsByTagName("script").getLength()).isLessThanOrEqualTo(1);
            if (doc.getElementsByTagName("script").getLength() == 1) {
                assertThat(doc.getElementsByTagName("script").item(0).getAttributes().getNamedItem("src").getNodeValue())
                        .isEqualTo("org-report.js");
            }
        }
        assertThat(Files.readString(index)).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Files.readString(page)).contains("<img src=\"" + OrgReportHtml.pageName(p) + ".svg\"");
        assertThat(Files.readString(dir.resolve("projects/" + OrgReportHtml.pageName(p) + ".svg"))).startsWith("<svg")
                .contains("<title>Score history: com.acme:portal</title>");
        // Nothing is fetched from elsewhere.
        assertThat(Files.readString(index)).doesNotContain("http://", "https://", "//cdn");
    }

    @Test
    void aCsvCellThatASpreadsheetWouldRunAsAFormulaIsText() throws Exception {
        OrgReport report = report(List.of(row("com.acme:portal", OrgStatus.FAILED_VERIFICATION, "=HYPERLINK(\"http://x\")", 99,
                "@SUM(1+1)"), row("com.acme:billing", OrgStatus.OK, "+GOLD", 90, "-1\r\n=2")));
        String csv = new String(OrgReportCsv.write(report), StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains("\"'@SUM(1+1)\"").contains("\"'+GOLD\"")
                .contains("\"'-1\r\n=2\"");
        assertThat(csv).startsWith("\"project\",\"status\"");
        assertThat(csv.split("\r\n", -1)[1]).startsWith("\"com.acme:portal\",\"FAILED_VERIFICATION\"");
        assertThat(OrgReportCsv.cell("GOLD")).isEqualTo("GOLD");
        assertThat(OrgReportCsv.cell("\tx")).isEqualTo("'\tx");
    }

    @Test
    void aThousandProjectsMakeOneSortableTableWorstFirst() throws Exception {
        Random random = new Random(14);
        List<ProjectRow> rows = new ArrayList<>();
        OrgStatus[] statuses = OrgStatus.values();
        for (int i = 0; i < 1000; i++) {
            rows.add(row("com.acme.team" + (i % 37) + ":service-" + i, statuses[random.nextInt(statuses.length)], "GOLD",
                    random.nextInt(101), null));
        }
        OrgReport report = report(rows);
        Path index = OrgReportFiles.write(report, new OrgReportHtml(new ScoreChart(TierThresholds.DEFAULT)), dir);
        Document doc = parse(Files.readAllBytes(index));
        var trs = doc.getElementsByTagName("tbody").item(0).getChildNodes();
        assertThat(trs.getLength()).isEqualTo(1000);
        int previous = -1;
        for (int i = 0; i < trs.getLength(); i++) {
            int ordinal = OrgStatus.valueOf(trs.item(i).getAttributes().getNamedItem("data-status").getNodeValue()).ordinal();
            assertThat(ordinal).isGreaterThanOrEqualTo(previous);
            previous = ordinal;
        }
        // Small enough to open at once: about half a kilobyte a project.
        assertThat(Files.size(index)).isLessThan(1000L * 1024);
        try (var pages = Files.list(dir.resolve("projects"))) {
            assertThat(pages.filter(f -> f.toString().endsWith(".html")).count()).isEqualTo(1000);
        }
        String json = Files.readString(dir.resolve(OrgReportFiles.JSON));
        assertThat(OrgReportJson.MAPPER.readTree(json).path("projects").size()).isEqualTo(1000);
        assertThat(Files.readString(dir.resolve(OrgReportFiles.CSV)).split("\r\n")).hasSize(1001);
        // Without script the filter controls stay hidden and the table is whole.
        assertThat(Files.readString(index)).contains("id=\"controls\" hidden=\"hidden\"");
    }

    @Test
    void aReportIsNotWrittenThroughALink() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("index.html"), elsewhere.resolve("index.html"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrgReportFiles.write(report(List.of()),
                new OrgReportHtml(new ScoreChart(TierThresholds.DEFAULT)), out))
                .isInstanceOf(dev.root24.policy.PolicyException.class).hasMessageContaining("symbolic link");
        assertThat(elsewhere.resolve("index.html")).doesNotExist();
    }
}
