package dev.root24.org;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The organisation report: one row per project, worst status first, then by name.
 *
 * @param rows the rows
 * @param generated when it was made
 * @param policy the organisation policy judged against, as given
 * @param policySha256 its SHA-256
 */
public record OrgReport(List<ProjectRow> rows, Instant generated, String policy, String policySha256) {

    public OrgReport {
        rows = rows.stream().sorted(Comparator.comparing(ProjectRow::status).thenComparing(ProjectRow::project)).toList();
    }

    /** How many projects have {@code status}. */
    public long count(OrgStatus status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }
}
