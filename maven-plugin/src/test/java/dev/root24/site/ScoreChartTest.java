package dev.root24.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.root24.score.ScorePoint;
import dev.root24.score.ScorePoint.Trust;
import dev.root24.score.TierThresholds;
import dev.root24.testing.SeededCases;
import dev.root24.testing.SeededProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ScoreChartTest {

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private final ScoreChart chart = new ScoreChart(TierThresholds.DEFAULT);

    static ScorePoint point(long index, int overall, Trust trust) {
        return new ScorePoint(index, T0.plusSeconds(3600 * index), overall, Math.min(100, overall + 5),
                Math.max(0, overall - 5), overall, trust);
    }

    static List<ScorePoint> points(int n, Trust trust) {
        List<ScorePoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(point(i, 40 + i % 50, trust));
        }
        return points;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String name) {
        NodeList list = doc.getElementsByTagNameNS(ScoreChart.SVG_NS, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static List<Element> drawnPoints(Document doc) {
        return elements(doc, "g").stream().filter(g -> g.getAttribute("class").startsWith("point ")).toList();
    }

    static Element series(Document doc, String name) {
        return elements(doc, "polyline").stream().filter(p -> p.getAttribute("class").equals("series " + name))
                .findFirst().orElse(null);
    }

    @Test
    void noEntriesGiveNoChartButASentence() {
        assertThat(chart.svg(List.of(), "p")).isEmpty();
        assertThat(chart.caption(List.of())).singleElement().asString().contains("no readable certification");
    }

    @Test
    void oneEntryIsOnePointInTheMiddle() throws Exception {
        Document doc = parse(chart.svg(List.of(point(0, 80, Trust.VERIFIED)), "p").orElseThrow());
        assertThat(drawnPoints(doc)).singleElement().satisfies(g -> assertThat(g.getAttribute("data-index")).isEqualTo("0"));
        Element circle = elements(doc, "circle").get(0);
        assertThat(Double.parseDouble(circle.getAttribute("cx"))).isEqualTo(372.0);
        assertThat(chart.caption(List.of(point(0, 80, Trust.VERIFIED)))).first().asString().startsWith("One certification, on ");
    }

    @Test
    void everyEntryIsOnePointInIndexOrderAndTimeOrderUpToTheLimit() throws Exception {
        List<ScorePoint> points = new ArrayList<>(points(ScoreChart.MAX_POINTS, Trust.UNCHECKED));
        java.util.Collections.reverse(points);
        Document doc = parse(chart.svg(points, "p").orElseThrow());
        List<Element> drawn = drawnPoints(doc);
        assertThat(drawn).hasSize(ScoreChart.MAX_POINTS);
        assertThat(drawn).extracting(g -> g.getAttribute("data-index"))
                .containsExactlyElementsOf(Stream.iterate(0, i -> i + 1).limit(ScoreChart.MAX_POINTS).map(String::valueOf).toList());
        String[] coordinates = series(doc, "overall").getAttribute("points").split(" ");
        assertThat(coordinates).hasSize(ScoreChart.MAX_POINTS);
        for (int i = 1; i < coordinates.length; i++) {
            assertThat(Double.parseDouble(coordinates[i].split(",")[0]))
                    .isGreaterThan(Double.parseDouble(coordinates[i - 1].split(",")[0]));
        }
        assertThat(chart.caption(points)).noneMatch(s -> s.contains("stands for")).first().asString()
                .startsWith("One point per certification: 400 entries, from 2026-11-01 08:00:00 UTC to ");
    }

    @Test
    void tenThousandEntriesStayBoundedAndKeepTheDip() throws Exception {
        List<ScorePoint> points = new ArrayList<>(points(10_000, Trust.VERIFIED));
        points.set(5_003, point(5_003, 3, Trust.VERIFIED));
        points.set(7_777, point(7_777, 88, Trust.FAILED));
        String svg = chart.svg(points, "p").orElseThrow();
        Document doc = parse(svg);
        assertThat(svg.length()).isLessThan(400_000);
        List<Element> drawn = drawnPoints(doc);
        assertThat(drawn).hasSize(ScoreChart.MAX_POINTS + 1);
        assertThat(drawn).anySatisfy(g -> {
            assertThat(g.getAttribute("data-index")).isEqualTo("5003");
            assertThat(g.getAttribute("data-entries")).isEqualTo("25");
        });
        assertThat(drawn).filteredOn(g -> g.getAttribute("class").equals("point failed"))
                .singleElement().satisfies(g -> assertThat(g.getAttribute("data-index")).isEqualTo("7777"));
        assertThat(series(doc, "overall").getAttribute("points")).contains(",262.3");
        assertThat(chart.caption(points)).first().asString().startsWith("The chain holds 10000 entries, from ");
        assertThat(chart.caption(points)).anyMatch(s -> s.contains("each of the 400 points drawn stands for up to 25"
                + " consecutive entries and shows the lowest overall score"));
    }

    @Test
    void failedEntriesAreMarkedAndLeftOutOfTheLines() throws Exception {
        List<ScorePoint> points = new ArrayList<>(points(5, Trust.VERIFIED));
        points.set(2, point(2, 99, Trust.FAILED));
        points.set(3, point(3, 60, Trust.UNCHECKED));
        Document doc = parse(chart.svg(points, "p").orElseThrow());
        assertThat(drawnPoints(doc)).extracting(g -> g.getAttribute("class"))
                .containsExactly("point verified", "point verified", "point failed", "point unchecked", "point verified");
        for (String name : List.of("overall", "static", "dynamic", "audit")) {
            assertThat(series(doc, name).getAttribute("points").split(" ")).as(name).hasSize(4);
        }
        // the failed entry's 99 is nowhere on a line
        assertThat(series(doc, "overall").getAttribute("points")).doesNotContain(",16.5");
        assertThat(drawnPoints(doc).get(2).getElementsByTagNameNS(ScoreChart.SVG_NS, "title").item(0).getTextContent())
                .contains("FAILS verification");
        assertThat(chart.caption(points)).anyMatch(s -> s.startsWith("1 entry fails verification"))
                .anyMatch(s -> s.startsWith("1 entry is unsigned or not checked"))
                .anyMatch(s -> s.startsWith("3 entries carry a verified signature"));
    }

    @Test
    void aForgedEntryFarInTheFutureDoesNotSqueezeTheHistory() throws Exception {
        List<ScorePoint> points = new ArrayList<>(points(3, Trust.VERIFIED));
        String honest = series(parse(chart.svg(points, "p").orElseThrow()), "overall").getAttribute("points");
        points.add(new ScorePoint(3, Instant.parse("9999-12-31T23:59:59Z"), 100, 100, 100, 100, Trust.FAILED));
        Document doc = parse(chart.svg(points, "p").orElseThrow());
        assertThat(series(doc, "overall").getAttribute("points")).isEqualTo(honest);
        assertThat(drawnPoints(doc)).hasSize(4);
    }

    @Test
    void onlyFailedEntriesDrawNoLines() throws Exception {
        Document doc = parse(chart.svg(points(3, Trust.FAILED), "p").orElseThrow());
        assertThat(elements(doc, "polyline")).isEmpty();
        assertThat(drawnPoints(doc)).hasSize(3);
    }

    @Test
    void aHostileProjectNameIsTextNeverMarkup() throws Exception {
        String label = "<script>alert(1)</script>]]><!-- & \" ' \u0000\u001b\ud800 x" + "y".repeat(5_000);
        String svg = chart.svg(points(2, Trust.VERIFIED), label).orElseThrow();
        Document doc = parse(svg);
        assertThat(elements(doc, "script")).isEmpty();
        assertThat(svg).doesNotContain("<script").doesNotContain("<!--").doesNotContain("\u0000");
        String title = elements(doc, "title").get(0).getTextContent();
        assertThat(title).startsWith("Score history: <script>alert(1)</script>]]><!-- & \" ' \uFFFD\uFFFD\uFFFD x");
        assertThat(title.length()).isLessThanOrEqualTo("Score history: ".length() + ScoreChart.MAX_LABEL_CHARS);
    }

    @Test
    void theChartNeedsNothingFromElsewhere() {
        String svg = chart.svg(points(20, Trust.VERIFIED), "p").orElseThrow();
        assertThat(svg).doesNotContain("href").doesNotContain("url(").doesNotContain("<script")
                .doesNotContain("<style").doesNotContain("<image").doesNotContain("<foreignObject").doesNotContain(" on");
    }

    @Test
    void theBandsFollowTheThresholds() throws Exception {
        ScoreChart custom = new ScoreChart(new TierThresholds(90, 80, 60, 40));
        Document doc = parse(custom.svg(points(2, Trust.VERIFIED), "p").orElseThrow());
        Element gold = elements(doc, "rect").stream().filter(r -> r.getAttribute("class").equals("band gold")).findFirst().orElseThrow();
        // plot from y 14 (100) to 270 (0): GOLD spans 80..90
        assertThat(Double.parseDouble(gold.getAttribute("y"))).isCloseTo(270 - 0.9 * 256, org.assertj.core.data.Offset.offset(0.06));
        assertThat(Double.parseDouble(gold.getAttribute("height"))).isCloseTo(25.6, org.assertj.core.data.Offset.offset(0.06));
        assertThat(elements(doc, "text")).extracting(Element::getTextContent).contains("GOLD \u2265 80", "NONE < 40");
    }

    static Stream<Arguments> histories() {
        return SeededCases.of(120, SeededCases.Gen.ints(1, 1_200), SeededCases.Gen.longs());
    }

    /** Whatever the chain: well-formed, bounded, one point per entry up to the limit, no failed entry on a line. */
    @SeededProperty
    @MethodSource("histories")
    void anyHistoryIsAWellFormedBoundedChart(int size, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScorePoint> points = new ArrayList<>();
        Instant t = T0;
        for (int i = 0; i < size; i++) {
            t = t.plusMillis(1 + random.nextLong(86_400_000L * (random.nextInt(10) == 0 ? 300 : 1)));
            Trust trust = Trust.values()[random.nextInt(3)];
            points.add(new ScorePoint(i, t, random.nextInt(101), random.nextInt(101), random.nextInt(101), random.nextInt(101), trust));
        }
        Document doc = parse(chart.svg(points, "p").orElseThrow());
        List<Element> drawn = drawnPoints(doc);
        if (size <= ScoreChart.MAX_POINTS) {
            assertThat(drawn).hasSize(size);
        } else {
            assertThat(drawn.size()).isLessThanOrEqualTo(2 * ScoreChart.MAX_POINTS);
        }
        long good = chart.drawn(points).stream().filter(d -> d.shown().trust() != Trust.FAILED).count();
        Element overall = series(doc, "overall");
        assertThat(overall == null ? 0 : overall.getAttribute("points").split(" ").length).isEqualTo((int) good);
        assertThat(chart.drawn(points)).allSatisfy(d -> assertThat(d.count()).isBetween(1, ScoreChart.bucketSize(size)));
    }
}
