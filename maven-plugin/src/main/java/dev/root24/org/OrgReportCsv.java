package dev.root24.org;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The organisation report as CSV ({@code org-report.csv}, RFC 4180: CRLF, every cell quoted).
 * Written here rather than with Jackson's CSV module, which is not among the build's cached
 * dependencies; the format is a dozen lines.
 *
 * <p>A spreadsheet runs a cell that begins with {@code = + - @} (or a tab or carriage return) as a
 * formula, and a project's name and claims are its team's to choose: such a cell gets a leading
 * apostrophe (OWASP's CSV injection advice), so it shows as text.
 */
public final class OrgReportCsv {

    static final List<String> HEADER = List.of("project", "status", "version", "tier", "score", "date", "policyVersion",
            "signers", "overrides", "entries", "reasons");

    private OrgReportCsv() {
    }

    public static byte[] write(OrgReport report) {
        StringBuilder out = new StringBuilder(128 * (report.rows().size() + 1));
        line(out, HEADER);
        for (ProjectRow r : report.rows()) {
            line(out, List.of(r.project().toString(), r.status().name(), text(r.version()), text(r.tier()),
                    r.score() < 0 ? "" : Integer.toString(r.score()), r.date() == null ? "" : r.date().toString(),
                    text(r.policyVersion()), String.join(" ", r.signers()), Integer.toString(r.overrides()),
                    Long.toString(r.entries()), String.join(" | ", r.reasons())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(cell(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    /** The cell as a spreadsheet shows it as text. */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
