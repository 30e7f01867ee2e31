package dev.root24.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.root24.policy.PolicyException;
import dev.root24.report.JsonReport;
import dev.root24.score.ScorePoint;
import dev.root24.score.ScorePoint.Trust;
import dev.root24.worm.ChainHistory;
import dev.root24.worm.ChainProblem;
import dev.root24.worm.ChainVerification;
import dev.root24.worm.Outcome;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CertificationPageTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A report.json as a hostile team's build could write it: markup and link patterns in every text. */
    static final String HOSTILE = """
            {"format":"%s","tool":{"name":"root24-maven-plugin","version":"0.1.0"},
             "timestamp":"2026-12-03T10:00:00Z","repository":{"root":"/r","commit":null,"pom":"pom.xml"},
             "tierThresholds":{"PLATINUM":95,"GOLD":85,"SILVER":70,"BRONZE":50},
             "phases":{
               "static":{"measured":true,"score":60,"weight":35,"note":"<b>bold</b>","tools":[
                 {"id":"opa","path":"p.rego","present":true,"references":[
                   {"file":"ci.yml","status":"NOT_REFERENCED","line":8,"detail":"only in a comment"}]},
                 {"id":"gone","path":"gone.sh","present":false,"references":[]}]},
               "dynamic":{"measured":true,"score":50,"weight":40,"note":"1/2","checks":[
                 {"id":"{click, javascript:alert(1)}","kind":"command","status":"TIMED_OUT","exitCode":124,
                  "durationMillis":1500,"hint":"<img src=x onerror=alert(2)>","findings":[
                   {"kind":"UNAUTHORISED_FILE","file":"a.zip","line":0,"message":"remove it \\u0000 now"}]},
                 {"id":"lock","kind":"built-in","status":"PASSED","exitCode":0,"durationMillis":3,"hint":null,"findings":[]}]},
               "audit":{"measured":false,"score":0,"weight":25,"note":"n","findings":[]}},
             "overall":{"score":41,"tier":"NONE","verdict":"ROOT24 41/100 NONE"},
             "gate":{"failBelow":"GOLD","passed":false},
             "nextTier":{"target":"BRONZE","note":"1 action reaches BRONZE","steps":[
               {"action":"make ci.yml run p.rego","file":"ci.yml","gain":9,"overallAfter":50}]}}
            """.formatted(JsonReport.FORMAT);

    static String render(JsonNode report, ChainHistory history) {
        StringWriter out = new StringWriter();
        Xhtml5BaseSink sink = new Xhtml5BaseSink(out);
        new CertificationPage(sink, report, history, "02_audit_logging/worm", "site <b>x</b>").render();
        sink.flush();
        return out.toString();
    }

    static ChainHistory history(List<ScorePoint> points, List<ChainProblem> problems) {
        return new ChainHistory(points, 1, new ChainVerification("native", "s", points.size() + 1, 1, problems,
                List.of(), List.of("No trusted checkpoint was given.")));
    }

    @Test
    void everySectionIsThereAsTextNeverAsMarkup() {
        List<ScorePoint> points = List.of(
                new ScorePoint(0, Instant.parse("2026-12-01T10:00:00Z"), 70, 60, 100, 40, Trust.VERIFIED),
                new ScorePoint(1, Instant.parse("2026-12-02T10:00:00Z"), 99, 99, 99, 99, Trust.FAILED));
        String html = render(MAPPER.readTree(HOSTILE), history(points,
                List.of(new ChainProblem(Outcome.FAIL, 1L, "entry-0000000001.dsse.json", "<i>forged</i>"))));
        assertThat(html).contains("id=\"root24-summary\"", "id=\"root24-phase-table\"", "id=\"root24-check-table\"",
                "id=\"root24-violation-table\"", "id=\"root24-step-table\"", "id=\"root24-history\"");
        assertThat(html).contains("ROOT24 41/100 NONE", "Gate GOLD: failed", "not a git work tree", "not measured",
                "timed out", "1.5 s", "ci.yml:8", "NOT_REFERENCED", "TOOL_MISSING", "make ci.yml run p.rego", "+9",
                "Path to BRONZE");
        // markup from the report is escaped; the link pattern stays text
        assertThat(html).doesNotContain("<b>bold").doesNotContain("<img").doesNotContain("<i>forged")
                .doesNotContain("href=\"javascript").doesNotContain("\u0000")
                .contains("&lt;img src=x onerror=alert(2)&gt;", "{click, javascript:alert(1)}");
        // the chart: inline, one point per entry, the label escaped
        assertThat(html).containsOnlyOnce("<svg").contains("data-index=\"0\"", "data-index=\"1\"", "point failed")
                .contains("Score history: site &lt;b&gt;x&lt;/b&gt;");
        assertThat(html).contains("1 entry is unreadable", "Chain 02_audit_logging/worm: FAIL, 3 entries",
                "Cannot prove: No trusted checkpoint was given.");
    }

    @Test
    void anEmptyChainIsASentenceAndAnUngatedReportSaysSo() {
        JsonNode report = MAPPER.readTree("{\"format\":\"" + JsonReport.FORMAT + "\",\"gate\":{\"failBelow\":\"NONE\"}}");
        String html = render(report, new ChainHistory(List.of(), 0,
                new ChainVerification("native", "s", 0, 0, List.of(), List.of(), List.of())));
        assertThat(html).doesNotContain("<svg").contains("no readable certification yet", "Not gated",
                "No checks are configured.", "No violations.");
    }

    @Test
    void failuresBeyondTheFirstTenAreCounted() {
        List<ChainProblem> problems = java.util.stream.LongStream.range(0, 25)
                .mapToObj(i -> new ChainProblem(Outcome.FAIL, i, "e", "bad " + i)).toList();
        String html = render(MAPPER.readTree(HOSTILE), history(List.of(), problems));
        assertThat(html).contains("bad 9").doesNotContain("bad 10").contains("15 more failures");
    }

    @Test
    void thresholdsThatDoNotRiseFallBackToTheDefaults() {
        JsonNode report = MAPPER.readTree("{\"tierThresholds\":{\"PLATINUM\":10,\"GOLD\":20}}");
        assertThat(new CertificationPage(new Xhtml5BaseSink(new StringWriter()), report, null, "s", "p").thresholds())
                .isEqualTo(dev.root24.score.TierThresholds.DEFAULT);
    }

    @TempDir
    Path dir;

    @Test
    void aMissingReportSaysToCertifyFirst() {
        assertThatThrownBy(() -> SiteReport.load(dir.resolve("report.json"), dir, null, List.of()))
                .isInstanceOf(PolicyException.class).hasMessageContaining("report.json: no certification report; run root24:certify");
    }

    @Test
    void aMalformedReportIsOneLineThatNeverQuotesIt() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"format\": ghp_SECRETTOKEN123");
        assertThatThrownBy(() -> SiteReport.load(file, dir, null, List.of())).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(file + ": not a JSON document (at byte ")
                .hasMessageNotContaining("SECRET").hasMessageNotContaining("\n");
        Files.writeString(file, "{\"format\":\"something-else/9\"}");
        assertThatThrownBy(() -> SiteReport.load(file, dir, null, List.of()))
                .hasMessageContaining("not a certification report of format " + JsonReport.FORMAT);
    }

    @Test
    void aReportThatIsALinkIsRefused() throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, HOSTILE);
        Path link = Files.createSymbolicLink(dir.resolve("report.json"), real);
        assertThatThrownBy(() -> SiteReport.load(link, dir, null, List.of())).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith(link + ": ");
    }

    @Test
    void aStoreNamedByTheReportMayNotLeaveTheRepository() throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"format\":\"" + JsonReport.FORMAT + "\",\"inputs\":{\"worm\":{\"store\":\"../../etc\"}}}");
        assertThatThrownBy(() -> SiteReport.load(file, dir, null, List.of())).isInstanceOf(PolicyException.class)
                .hasMessageContaining("outside the repository root");
        // the default store, and one named by the report inside the repository, are read
        Files.writeString(file, "{\"format\":\"" + JsonReport.FORMAT + "\",\"inputs\":{\"worm\":{\"store\":\"audit/worm\"}}}");
        SiteReport report = SiteReport.load(file, dir, null, List.of());
        assertThat(report.store()).isEqualTo("audit/worm");
        assertThat(report.history().points()).isEmpty();
        assertThat(SiteReport.load(file, dir, "other", List.of()).store()).isEqualTo("other");
    }
}
