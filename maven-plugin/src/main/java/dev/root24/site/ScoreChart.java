package dev.root24.site;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.root24.score.Phase;
import dev.root24.score.ScorePoint;
import dev.root24.score.Tier;
import dev.root24.score.TierThresholds;

/**
 * A score-history chart as a self-contained SVG document: the overall score and the three phases
 * over time, one point per certification, on the tier bands. No script, no style sheet, no font
 * or image from elsewhere, so it renders offline, inline in HTML or as a file, and is safe to
 * open from an untrusted source.
 *
 * <p>Every text in it (the label, which names a project, is the certified team's to choose) goes
 * through an XML writer and loses characters XML cannot carry. The size is bounded: above
 * {@link #MAX_POINTS} points, runs of consecutive points are drawn as one, the lowest-scoring of
 * the run, since a dip is what a reader must not miss; {@link #caption} says so.
 */
public final class ScoreChart {

    /** Most points drawn (plus at most as many failure marks): about 300 bytes each. */
    public static final int MAX_POINTS = 400;
    /** Longer labels are cut: they are a title, not a document. */
    static final int MAX_LABEL_CHARS = 200;

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final int WIDTH = 820;
    static final int HEIGHT = 340;
    private static final int LEFT = 44;
    private static final int RIGHT = 700;
    private static final int TOP = 14;
    private static final int BOTTOM = 270;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final String OVERALL_COLOUR = "#1b2a6b";
    private static final String FAILED_COLOUR = "#c0392b";

    /** A series of the chart: a score of each point, its colour and dash pattern. */
    private enum Series {
        STATIC(Phase.STATIC, "#2a9d8f", "6 3"),
        DYNAMIC(Phase.DYNAMIC, "#d35400", "2 3"),
        AUDIT(Phase.AUDIT, "#8e44ad", "9 3 2 3");

        final Phase phase;
        final String colour;
        final String dash;

        Series(Phase phase, String colour, String dash) {
            this.phase = phase;
            this.colour = colour;
            this.dash = dash;
        }
    }

    /**
     * One drawn point: the point shown and how many consecutive points it stands for.
     *
     * @param shown the point drawn
     * @param first the index of the first point of its run
     * @param last the index of the last point of its run
     * @param count how many points of the same kind (failed or not) the run holds
     */
    record Drawn(ScorePoint shown, long first, long last, int count) {
    }

    private final TierThresholds thresholds;

    public ScoreChart(TierThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * The chart of {@code points} (in any order; drawn by index), titled with {@code label}; empty
     * when there are no points, as an empty chart would look like a history of nothing.
     */
    public Optional<String> svg(List<ScorePoint> points, String label) {
        if (points.isEmpty()) {
            return Optional.empty();
        }
        List<Drawn> drawn = drawn(points);
        StringWriter out = new StringWriter(4096 + 320 * drawn.size());
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            write(xml, drawn, points, label);
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter fails only on a bug, never on input: all text is sanitised.
            throw new IllegalStateException("cannot write the score chart", e);
        }
        return Optional.of(out.toString());
    }

    /** The sentences that say what the chart shows and what it leaves out. */
    public List<String> caption(List<ScorePoint> points) {
        List<String> sentences = new ArrayList<>();
        if (points.isEmpty()) {
            sentences.add("The chain holds no readable certification yet, so there is no score history to chart.");
            return sentences;
        }
        List<ScorePoint> sorted = byIndex(points);
        Instant from = sorted.get(0).time();
        Instant to = sorted.get(sorted.size() - 1).time();
        int bucket = bucketSize(points.size());
        String span = points.size() + " entries, from " + SECOND.format(from) + " to " + SECOND.format(to) + ".";
        sentences.add(points.size() == 1 ? "One certification, on " + SECOND.format(from) + "."
                : bucket == 1 ? "One point per certification: " + span : "The chain holds " + span);
        if (bucket > 1) {
            long shown = drawn(points).stream().filter(d -> d.shown().trust() != ScorePoint.Trust.FAILED).count();
            sentences.add("To keep the page small, each of the " + shown + " points drawn stands for up to " + bucket
                    + " consecutive entries and shows the lowest overall score among them.");
        }
        long failed = count(points, ScorePoint.Trust.FAILED);
        long unchecked = count(points, ScorePoint.Trust.UNCHECKED);
        long verified = count(points, ScorePoint.Trust.VERIFIED);
        if (failed > 0) {
            sentences.add(failed + (failed == 1 ? " entry fails" : " entries fail") + " verification (altered,"
                    + " mislinked or signed by a key that is not trusted): marked \u2715 in red and left out of the lines;"
                    + " their scores mean nothing.");
        }
        if (unchecked > 0) {
            sentences.add(unchecked + (unchecked == 1 ? " entry is" : " entries are") + " unsigned or not checked"
                    + " against a trusted key (hollow points): anyone able to write the store could have written "
                    + (unchecked == 1 ? "it." : "them."));
        }
        if (verified > 0) {
            sentences.add(verified + (verified == 1 ? " entry carries" : " entries carry")
                    + " a verified signature by a trusted key (filled points).");
        }
        return sentences;
    }

    /** Points as drawn: all of them, or one per run of {@link #bucketSize} (plus one failure mark per run). */
    List<Drawn> drawn(List<ScorePoint> points) {
        List<ScorePoint> sorted = byIndex(points);
        int bucket = bucketSize(sorted.size());
        List<Drawn> drawn = new ArrayList<>();
        for (int start = 0; start < sorted.size(); start += bucket) {
            List<ScorePoint> run = sorted.subList(start, Math.min(start + bucket, sorted.size()));
            List<ScorePoint> good = run.stream().filter(p -> p.trust() != ScorePoint.Trust.FAILED).toList();
            List<ScorePoint> bad = run.stream().filter(p -> p.trust() == ScorePoint.Trust.FAILED).toList();
            long first = run.get(0).index();
            long last = run.get(run.size() - 1).index();
            if (!good.isEmpty()) {
                // The lowest overall; among equals the least trusted, so a run is never shown better than it is.
                ScorePoint lowest = good.stream().min(Comparator.comparingInt(ScorePoint::overall)
                        .thenComparing(p -> p.trust() == ScorePoint.Trust.VERIFIED)).orElseThrow();
                drawn.add(new Drawn(lowest, first, last, good.size()));
            }
            if (!bad.isEmpty()) {
                drawn.add(new Drawn(bad.get(0), first, last, bad.size()));
            }
        }
        return drawn;
    }

    static int bucketSize(int points) {
        return Math.max(1, (points + MAX_POINTS - 1) / MAX_POINTS);
    }

    private void write(XMLStreamWriter xml, List<Drawn> drawn, List<ScorePoint> points, String label)
            throws XMLStreamException {
        // The time axis spans the entries that verify: a forged entry dated in the year 9999 must not
        // squeeze the real history into one corner (it is drawn at the edge instead).
        List<ScorePoint> spanning = points.stream().filter(p -> p.trust() != ScorePoint.Trust.FAILED).toList();
        if (spanning.isEmpty()) {
            spanning = points;
        }
        long t0 = spanning.stream().map(ScorePoint::time).min(Comparator.naturalOrder()).orElseThrow().toEpochMilli();
        long t1 = spanning.stream().map(ScorePoint::time).max(Comparator.naturalOrder()).orElseThrow().toEpochMilli();
        String title = "Score history" + (label == null || label.isBlank() ? "" : ": " + clean(label, MAX_LABEL_CHARS));

        xml.writeStartElement("svg");
        xml.writeDefaultNamespace(SVG_NS);
        xml.writeAttribute("class", "root24-score-history");
        xml.writeAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
        xml.writeAttribute("width", String.valueOf(WIDTH));
        xml.writeAttribute("height", String.valueOf(HEIGHT));
        xml.writeAttribute("role", "img");
        xml.writeAttribute("font-family", "sans-serif");
        xml.writeAttribute("font-size", "11");
        element(xml, "title", title);
        element(xml, "desc", String.join(" ", caption(points)));

        bands(xml);
        axes(xml, t0, t1);
        for (Series series : Series.values()) {
            line(xml, drawn, t0, t1, series.name().toLowerCase(Locale.ROOT), p -> p.of(series.phase), series.colour,
                    "1.5", series.dash);
        }
        line(xml, drawn, t0, t1, "overall", ScorePoint::overall, OVERALL_COLOUR, "2.5", null);
        marks(xml, drawn, t0, t1);
        legend(xml);
        xml.writeEndElement();
    }

    private void bands(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("class", "tier-bands");
        Tier[] tiers = {Tier.PLATINUM, Tier.GOLD, Tier.SILVER, Tier.BRONZE, Tier.NONE};
        String[] fills = {"#e8eef3", "#fbf0c4", "#e9e9e9", "#f3dfcb", "#fbfbfb"};
        int upper = 100;
        for (int k = 0; k < tiers.length; k++) {
            int lower = thresholds.minimumOf(tiers[k]);
            xml.writeEmptyElement("rect");
            xml.writeAttribute("class", "band " + tiers[k].name().toLowerCase(Locale.ROOT));
            xml.writeAttribute("x", String.valueOf(LEFT));
            xml.writeAttribute("y", num(y(upper)));
            xml.writeAttribute("width", String.valueOf(RIGHT - LEFT));
            xml.writeAttribute("height", num(y(lower) - y(upper)));
            xml.writeAttribute("fill", fills[k]);
            text(xml, RIGHT + 8, (y(upper) + y(lower)) / 2 + 4, "start", "#444",
                    tiers[k] == Tier.NONE ? "NONE < " + thresholds.bronze() : tiers[k].name() + " \u2265 " + lower);
            upper = lower;
        }
        xml.writeEndElement();
    }

    private void axes(XMLStreamWriter xml, long t0, long t1) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("class", "axes");
        for (int s = 0; s <= 100; s += 25) {
            xml.writeEmptyElement("line");
            xml.writeAttribute("x1", String.valueOf(LEFT));
            xml.writeAttribute("x2", String.valueOf(RIGHT));
            xml.writeAttribute("y1", num(y(s)));
            xml.writeAttribute("y2", num(y(s)));
            xml.writeAttribute("stroke", s == 0 ? "#555" : "#bbb");
            xml.writeAttribute("stroke-width", "0.5");
            text(xml, LEFT - 6, y(s) + 4, "end", "#444", String.valueOf(s));
        }
        long span = t1 - t0;
        DateTimeFormatter format = span >= 7L * 24 * 3600 * 1000 ? DAY : span >= 3600L * 1000 ? MINUTE : SECOND;
        if (span == 0) {
            text(xml, (LEFT + RIGHT) / 2.0, BOTTOM + 16, "middle", "#444", format.format(Instant.ofEpochMilli(t0)));
        } else {
            text(xml, LEFT, BOTTOM + 16, "start", "#444", format.format(Instant.ofEpochMilli(t0)));
            text(xml, RIGHT, BOTTOM + 16, "end", "#444", format.format(Instant.ofEpochMilli(t1)));
        }
        xml.writeEndElement();
    }

    private void line(XMLStreamWriter xml, List<Drawn> drawn, long t0, long t1, String name,
            java.util.function.ToIntFunction<ScorePoint> score, String colour, String width, String dash)
            throws XMLStreamException {
        StringBuilder coordinates = new StringBuilder();
        for (Drawn d : drawn) {
            if (d.shown().trust() == ScorePoint.Trust.FAILED) {
                continue;
            }
            if (coordinates.length() > 0) {
                coordinates.append(' ');
            }
            coordinates.append(num(x(d.shown().time(), t0, t1))).append(',').append(num(y(score.applyAsInt(d.shown()))));
        }
        if (coordinates.length() == 0) {
            return;
        }
        xml.writeEmptyElement("polyline");
        xml.writeAttribute("class", "series " + name);
        xml.writeAttribute("points", coordinates.toString());
        xml.writeAttribute("fill", "none");
        xml.writeAttribute("stroke", colour);
        xml.writeAttribute("stroke-width", width);
        xml.writeAttribute("stroke-linejoin", "round");
        if (dash != null) {
            xml.writeAttribute("stroke-dasharray", dash);
        }
    }

    private void marks(XMLStreamWriter xml, List<Drawn> drawn, long t0, long t1) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("class", "points");
        for (Drawn d : drawn) {
            ScorePoint p = d.shown();
            double x = x(p.time(), t0, t1);
            double y = y(p.overall());
            xml.writeStartElement("g");
            xml.writeAttribute("class", "point " + p.trust().name().toLowerCase(Locale.ROOT));
            xml.writeAttribute("data-index", String.valueOf(p.index()));
            xml.writeAttribute("data-entries", String.valueOf(d.count()));
            element(xml, "title", describe(d));
            if (p.trust() == ScorePoint.Trust.FAILED) {
                xml.writeEmptyElement("path");
                xml.writeAttribute("d", "M" + num(x - 4) + "," + num(y - 4) + "l8,8m0,-8l-8,8");
                xml.writeAttribute("stroke", FAILED_COLOUR);
                xml.writeAttribute("stroke-width", "2");
            } else {
                xml.writeEmptyElement("circle");
                xml.writeAttribute("cx", num(x));
                xml.writeAttribute("cy", num(y));
                xml.writeAttribute("r", "3.5");
                xml.writeAttribute("stroke", OVERALL_COLOUR);
                xml.writeAttribute("stroke-width", "1.5");
                xml.writeAttribute("fill", p.trust() == ScorePoint.Trust.VERIFIED ? OVERALL_COLOUR : "#ffffff");
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void legend(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("g");
        xml.writeAttribute("class", "legend");
        double x = LEFT;
        double y = BOTTOM + 44;
        x = legendLine(xml, x, y, OVERALL_COLOUR, "2.5", null, "overall");
        for (Series series : Series.values()) {
            x = legendLine(xml, x, y, series.colour, "1.5", series.dash, series.phase.key());
        }
        xml.writeEmptyElement("circle");
        xml.writeAttribute("cx", num(x + 4));
        xml.writeAttribute("cy", num(y - 4));
        xml.writeAttribute("r", "3.5");
        xml.writeAttribute("fill", OVERALL_COLOUR);
        text(xml, x + 12, y, "start", "#222", "verified");
        x += 72;
        xml.writeEmptyElement("circle");
        xml.writeAttribute("cx", num(x + 4));
        xml.writeAttribute("cy", num(y - 4));
        xml.writeAttribute("r", "3.5");
        xml.writeAttribute("fill", "#ffffff");
        xml.writeAttribute("stroke", OVERALL_COLOUR);
        xml.writeAttribute("stroke-width", "1.5");
        text(xml, x + 12, y, "start", "#222", "not verified");
        x += 90;
        xml.writeEmptyElement("path");
        xml.writeAttribute("d", "M" + num(x) + "," + num(y - 8) + "l8,8m0,-8l-8,8");
        xml.writeAttribute("stroke", FAILED_COLOUR);
        xml.writeAttribute("stroke-width", "2");
        text(xml, x + 12, y, "start", "#222", "fails verification");
        xml.writeEndElement();
    }

    private static double legendLine(XMLStreamWriter xml, double x, double y, String colour, String width, String dash,
            String label) throws XMLStreamException {
        xml.writeEmptyElement("line");
        xml.writeAttribute("x1", num(x));
        xml.writeAttribute("x2", num(x + 22));
        xml.writeAttribute("y1", num(y - 4));
        xml.writeAttribute("y2", num(y - 4));
        xml.writeAttribute("stroke", colour);
        xml.writeAttribute("stroke-width", width);
        if (dash != null) {
            xml.writeAttribute("stroke-dasharray", dash);
        }
        text(xml, x + 27, y, "start", "#222", label);
        return x + 34 + 7 * label.length() + 14;
    }

    private static String describe(Drawn d) {
        ScorePoint p = d.shown();
        String what = d.count() > 1
                ? "entries " + d.first() + ".." + d.last() + " (" + d.count() + (p.trust() == ScorePoint.Trust.FAILED
                        ? " failing; first is entry " + p.index() : ", lowest is entry " + p.index()) + ")"
                : "entry " + p.index();
        String trust = switch (p.trust()) {
            case VERIFIED -> "signature verified";
            case UNCHECKED -> "not verified by a trusted key";
            case FAILED -> "FAILS verification: scores not to be believed";
        };
        return what + ", " + SECOND.format(p.time()) + ": overall " + p.overall() + " (static " + p.staticScore()
                + ", dynamic " + p.dynamicScore() + ", audit " + p.auditScore() + "); " + trust;
    }

    private static void element(XMLStreamWriter xml, String name, String content) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(content, Integer.MAX_VALUE));
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, double x, double y, String anchor, String colour, String content)
            throws XMLStreamException {
        xml.writeStartElement("text");
        xml.writeAttribute("x", num(x));
        xml.writeAttribute("y", num(y));
        xml.writeAttribute("text-anchor", anchor);
        xml.writeAttribute("fill", colour);
        xml.writeCharacters(clean(content, Integer.MAX_VALUE));
        xml.writeEndElement();
    }

    private static double x(Instant time, long t0, long t1) {
        if (t1 == t0) {
            return (LEFT + RIGHT) / 2.0;
        }
        long t = Math.max(t0, Math.min(t1, time.toEpochMilli()));
        return LEFT + (double) (t - t0) / (t1 - t0) * (RIGHT - LEFT);
    }

    private static double y(int score) {
        return BOTTOM - score / 100.0 * (BOTTOM - TOP);
    }

    private static String num(double value) {
        String s = String.format(Locale.ROOT, "%.1f", value);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * {@code text} with every character XML 1.0 cannot carry (controls, lone surrogates,
     * U+FFFE/U+FFFF) replaced by U+FFFD, cut to {@code max} characters: the writer escapes
     * markup but would pass those through and make the document unreadable.
     */
    public static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append('\uFFFD');
            }
        }
        return out.toString();
    }

    private static List<ScorePoint> byIndex(List<ScorePoint> points) {
        return points.stream().sorted(Comparator.comparingLong(ScorePoint::index)).toList();
    }

    private static long count(List<ScorePoint> points, ScorePoint.Trust trust) {
        return points.stream().filter(p -> p.trust() == trust).count();
    }
}
