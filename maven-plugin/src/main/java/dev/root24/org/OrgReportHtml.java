package dev.root24.org;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.root24.site.ScoreChart;
import dev.root24.worm.DigestAlgorithm;

/**
 * The organisation report as static HTML: {@code index.html} with one row per project, and a
 * drill-down page per project with its score history drawn by {@link ScoreChart} (as an SVG file
 * beside the page, shown with {@code <img>}, so even a hostile SVG could run nothing). No CDN, no
 * font, nothing fetched: it opens from disk. Sorting and filtering are a few lines of script in
 * {@code org-report.js}; without script the table is still whole, worst status first.
 *
 * <p>Every text comes from what teams deployed, so all of it goes through an XML writer as
 * character data or attribute values, never as markup.
 */
public final class OrgReportHtml {

    /** The script file beside {@code index.html}: filter by text and status, sort by any column. */
    public static final String SCRIPT = """
            (function () {
              var table = document.getElementById('projects');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var text = document.getElementById('filter');
              var status = document.getElementById('status');
              var shown = document.getElementById('shown');
              document.getElementById('controls').hidden = false;
              function apply() {
                var q = text.value.toLowerCase(), s = status.value, n = 0;
                rows.forEach(function (r) {
                  var ok = (!s || r.getAttribute('data-status') === s) && r.textContent.toLowerCase().indexOf(q) !== -1;
                  r.hidden = !ok;
                  if (ok) { n++; }
                });
                shown.textContent = n + ' of ' + rows.length + ' shown';
              }
              text.addEventListener('input', apply);
              status.addEventListener('change', apply);
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
                th.tabIndex = 0;
                th.title = 'sort';
                th.addEventListener('click', function () {
                  var dir = th.getAttribute('data-dir') === 'asc' ? -1 : 1;
                  th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
                  var numeric = th.getAttribute('data-type') === 'number';
                  function key(r) {
                    var c = r.cells[col];
                    return c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent;
                  }
                  rows.sort(function (a, b) {
                    var x = key(a), y = key(b);
                    return dir * (numeric ? Number(x) - Number(y) : x.localeCompare(y));
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
              apply();
            })();
            """;

    /** The style sheet beside the pages. */
    public static final String STYLE = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: 3px 6px; text-align: left; vertical-align: top; }
            th { background: #f3f4f8; cursor: pointer; position: sticky; top: 0; }
            td.num { text-align: right; }
            table.fields { width: auto; }
            .st { font-weight: 600; white-space: nowrap; }
            .OK { color: #1e7d32; } .STALE { color: #9a6700; } .NEVER_CERTIFIED { color: #666; }
            .FORK, .GAP { color: #b35900; } .UNSIGNED, .FAILED_VERIFICATION { color: #b00020; }
            .counts span { margin-right: 1.2em; }
            #controls { margin: .8em 0; }
            code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
            ul.reasons { margin: 0; padding-left: 1.2em; font-size: 12px; }
            """;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final List<String> COLUMNS = List.of("Project", "Status", "Version", "Tier", "Score", "Date",
            "Policy", "Signer", "Overrides");

    private final ScoreChart chart;

    public OrgReportHtml(ScoreChart chart) {
        this.chart = chart;
    }

    /** The drill-down page's file name, inside {@code projects/}: unique even on a case-insensitive file system. */
    public static String pageName(ProjectCoordinates project) {
        return project.groupId() + "." + project.artifactId() + "-"
                + DigestAlgorithm.SHA_256.hex(project.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 10);
    }

    /** {@code index.html}. */
    public byte[] index(OrgReport report) {
        return document("Root24 organisation report", "", xml -> {
            element(xml, "h1", "Root24 organisation report");
            xml.writeStartElement("p");
            xml.writeCharacters(report.rows().size() + " projects, judged against " + report.policy() + " (sha256 "
                    + report.policySha256() + ") on " + DAY.format(report.generated()) + ". ");
            link(xml, "org-report.json", "JSON");
            xml.writeCharacters(" \u00b7 ");
            link(xml, "org-report.csv", "CSV");
            xml.writeEndElement();
            xml.writeStartElement("p");
            xml.writeAttribute("class", "counts");
            for (OrgStatus status : OrgStatus.values()) {
                xml.writeStartElement("span");
                xml.writeAttribute("class", "st " + status.name());
                xml.writeCharacters(status.name() + " " + report.count(status));
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeStartElement("div");
            xml.writeAttribute("id", "controls");
            xml.writeAttribute("hidden", "hidden");
            xml.writeStartElement("input");
            xml.writeAttribute("id", "filter");
            xml.writeAttribute("type", "search");
            xml.writeAttribute("placeholder", "filter by any text");
            xml.writeAttribute("aria-label", "filter");
            xml.writeEndElement();
            xml.writeCharacters(" ");
            xml.writeStartElement("select");
            xml.writeAttribute("id", "status");
            xml.writeAttribute("aria-label", "status");
            option(xml, "", "every status");
            for (OrgStatus status : OrgStatus.values()) {
                option(xml, status.name(), status.name());
            }
            xml.writeEndElement();
            xml.writeCharacters(" ");
            xml.writeStartElement("span");
            xml.writeAttribute("id", "shown");
            xml.writeCharacters("");
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement("table");
            xml.writeAttribute("id", "projects");
            xml.writeStartElement("thead");
            xml.writeStartElement("tr");
            for (String column : COLUMNS) {
                xml.writeStartElement("th");
                if (column.equals("Score") || column.equals("Overrides") || column.equals("Status")) {
                    xml.writeAttribute("data-type", "number");
                }
                xml.writeCharacters(column);
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("tbody");
            for (ProjectRow r : report.rows()) {
                row(xml, r);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement("script");
            xml.writeAttribute("src", "org-report.js");
            xml.writeCharacters("");
            xml.writeEndElement();
        });
    }

    private static void row(XMLStreamWriter xml, ProjectRow r) throws XMLStreamException {
        xml.writeStartElement("tr");
        xml.writeAttribute("data-status", r.status().name());
        xml.writeStartElement("td");
        link(xml, "projects/" + pageName(r.project()) + ".html", r.project().toString());
        xml.writeEndElement();
        xml.writeStartElement("td");
        xml.writeAttribute("class", "st " + r.status().name());
        xml.writeAttribute("data-sort", Integer.toString(r.status().ordinal()));
        xml.writeCharacters(r.status().name());
        xml.writeEndElement();
        cell(xml, r.version(), null);
        cell(xml, r.tier(), null);
        cell(xml, r.score() < 0 ? "" : Integer.toString(r.score()), "num");
        cell(xml, r.date() == null ? "" : DAY.format(r.date()), null);
        cell(xml, r.policyVersion(), null);
        cell(xml, String.join(" ", r.signers()), "mono");
        cell(xml, Integer.toString(r.overrides()), "num");
        xml.writeEndElement();
    }

    /** The drill-down page of one project, which shows {@code svgFile} (beside it) when there is a history. */
    public byte[] page(ProjectRow r, String svgFile) {
        return document(r.project() + " \u2014 Root24", "../", xml -> {
            xml.writeStartElement("p");
            link(xml, "../index.html", "\u2190 every project");
            xml.writeEndElement();
            element(xml, "h1", r.project().toString());
            xml.writeStartElement("p");
            xml.writeStartElement("span");
            xml.writeAttribute("class", "st " + r.status().name());
            xml.writeCharacters(r.status().name());
            xml.writeEndElement();
            xml.writeCharacters(" \u2014 " + r.entries() + (r.entries() == 1 ? " certification" : " certifications")
                    + " on the chain");
            xml.writeEndElement();
            xml.writeStartElement("table");
            xml.writeAttribute("class", "fields");
            field(xml, "Latest version certified", r.version());
            field(xml, "Tier", r.tier());
            field(xml, "Score", r.score() < 0 ? null : r.score() + "/100");
            field(xml, "Date", r.date() == null ? null : DAY.format(r.date()));
            field(xml, "Policy version", r.policyVersion());
            field(xml, "Signed by (organisation keys)", r.signers().isEmpty() ? "none" : String.join(", ", r.signers()));
            field(xml, "Overrides", Integer.toString(r.overrides()));
            xml.writeEndElement();
            if (!r.reasons().isEmpty()) {
                element(xml, "h2", "Why not OK");
                xml.writeStartElement("ul");
                xml.writeAttribute("class", "reasons");
                for (String reason : r.reasons()) {
                    element(xml, "li", reason);
                }
                xml.writeEndElement();
            }
            element(xml, "h2", "Score history");
            if (svgFile != null) {
                xml.writeEmptyElement("img");
                xml.writeAttribute("src", svgFile);
                xml.writeAttribute("alt", "score history of " + r.project());
                xml.writeAttribute("width", "820");
            }
            for (String sentence : chart.caption(r.history())) {
                element(xml, "p", sentence);
            }
        });
    }

    /** The SVG chart of {@code r}'s history, or empty when it has none. */
    public Optional<String> svg(ProjectRow r) {
        return chart.svg(r.history(), r.project().toString());
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] document(String title, String up, Body body) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeDTD("<!DOCTYPE html>");
            xml.writeCharacters("\n");
            xml.writeStartElement("html");
            xml.writeAttribute("lang", "en");
            xml.writeStartElement("head");
            xml.writeEmptyElement("meta");
            xml.writeAttribute("charset", "utf-8");
            xml.writeEmptyElement("meta");
            xml.writeAttribute("name", "viewport");
            xml.writeAttribute("content", "width=device-width");
            element(xml, "title", title);
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "stylesheet");
            xml.writeAttribute("href", up + "org-report.css");
            xml.writeEndElement();
            xml.writeStartElement("body");
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            // Writing to a StringWriter fails only on a bug; text that XML cannot carry is replaced first.
            throw new IllegalStateException("cannot write the organisation report", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void cell(XMLStreamWriter xml, String text, String cssClass) throws XMLStreamException {
        xml.writeStartElement("td");
        if (cssClass != null) {
            xml.writeAttribute("class", cssClass);
        }
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void field(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("tr");
        element(xml, "th", name);
        element(xml, "td", value);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String href, String text) throws XMLStreamException {
        xml.writeStartElement("a");
        xml.writeAttribute("href", href);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    private static void option(XMLStreamWriter xml, String value, String text) throws XMLStreamException {
        xml.writeStartElement("option");
        xml.writeAttribute("value", value);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot carry; a reason or claim is a line, not a document. */
    static String clean(String text) {
        return text == null ? "" : ScoreChart.clean(text, 4000);
    }
}
