package dev.root24.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.root24.score.ScorePoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The organisation report as JSON ({@code org-report.json}), and one row as the verification cache holds it. */
public final class OrgReportJson {

    /** The format name written into {@code org-report.json}. */
    public static final String FORMAT = "root24-org-report/1";

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OrgReportJson() {
    }

    /** The whole report. */
    public static byte[] write(OrgReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("generated", report.generated().toString());
        root.put("policy", report.policy());
        root.put("policySha256", report.policySha256());
        ObjectNode counts = root.putObject("counts");
        for (OrgStatus status : OrgStatus.values()) {
            counts.put(status.name(), report.count(status));
        }
        ArrayNode rows = root.putArray("projects");
        report.rows().forEach(r -> rows.add(row(r, false)));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    /** One row; with {@code history} its score points too (the cache needs them, the report has them in the drill-down). */
    static ObjectNode row(ProjectRow r, boolean history) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("project", r.project().toString());
        o.put("status", r.status().name());
        o.put("version", r.version());
        o.put("tier", r.tier());
        o.put("score", r.score());
        o.put("date", r.date() == null ? null : r.date().toString());
        o.put("policyVersion", r.policyVersion());
        ArrayNode signers = o.putArray("signers");
        r.signers().forEach(signers::add);
        o.put("overrides", r.overrides());
        o.put("entries", r.entries());
        ArrayNode reasons = o.putArray("reasons");
        r.reasons().forEach(reasons::add);
        if (history) {
            ArrayNode points = o.putArray("history");
            for (ScorePoint p : r.history()) {
                points.addArray().add(p.index()).add(p.time().toString()).add(p.overall()).add(p.staticScore())
                        .add(p.dynamicScore()).add(p.auditScore()).add(p.trust().name());
            }
        }
        return o;
    }

    /**
     * A row written by {@link #row(ProjectRow, boolean)} with its history.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static ProjectRow readRow(JsonNode o) {
        try {
            List<ScorePoint> history = new ArrayList<>();
            for (JsonNode p : o.path("history")) {
                history.add(new ScorePoint(p.get(0).longValue(), Instant.parse(p.get(1).stringValue()), p.get(2).intValue(),
                        p.get(3).intValue(), p.get(4).intValue(), p.get(5).intValue(),
                        ScorePoint.Trust.valueOf(p.get(6).stringValue())));
            }
            List<String> signers = new ArrayList<>();
            o.path("signers").forEach(s -> signers.add(s.stringValue()));
            List<String> reasons = new ArrayList<>();
            o.path("reasons").forEach(s -> reasons.add(s.stringValue()));
            return new ProjectRow(ProjectCoordinates.parse(o.path("project").stringValue()),
                    OrgStatus.valueOf(o.path("status").stringValue()), o.path("version").asString(null),
                    o.path("tier").asString(null), o.path("score").intValue(),
                    o.path("date").isString() ? Instant.parse(o.path("date").stringValue()) : null,
                    o.path("policyVersion").asString(null), signers, o.path("overrides").intValue(), reasons,
                    o.path("entries").longValue(), history);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cached row");
        }
    }
}
