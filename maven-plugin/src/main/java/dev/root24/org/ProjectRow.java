package dev.root24.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.root24.score.ScorePoint;

/**
 * One project's line of the organisation report, and the history its drill-down page charts.
 * Everything but {@code project} and {@code status} comes from the project's latest deployed
 * certification, which its team wrote: it is text to show, never markup or a formula.
 *
 * @param project the project
 * @param status what the organisation's verifier says
 * @param version the version whose certification is the latest on the chain, or null
 * @param tier the tier it claims, or null
 * @param score the overall score it claims, or -1
 * @param date when it was made, or null
 * @param policyVersion the version of the policy artifact it was made under ({@code file} for a policy file), or null
 * @param signers organisation key ids (16 hex digits) whose signatures verified
 * @param overrides how many policy settings the project overrode
 * @param reasons why the status is not OK, at most {@link #MAX_REASONS}
 * @param entries how many certifications the chain holds
 * @param history one point per readable entry, for the chart
 */
public record ProjectRow(ProjectCoordinates project, OrgStatus status, String version, String tier, int score,
        Instant date, String policyVersion, List<String> signers, int overrides, List<String> reasons, long entries,
        List<ScorePoint> history) {

    /** A chain can fail in thousands of ways at once; the page lists the first few, verify-chain lists all. */
    public static final int MAX_REASONS = 20;

    public ProjectRow {
        signers = List.copyOf(signers);
        reasons = List.copyOf(reasons.size() > MAX_REASONS ? reasons.subList(0, MAX_REASONS) : reasons);
        history = List.copyOf(history);
    }

    /** A project with no certification deployed. */
    public static ProjectRow never(ProjectCoordinates project, String why) {
        return new ProjectRow(project, OrgStatus.NEVER_CERTIFIED, null, null, -1, null, null, List.of(), 0,
                List.of(why), 0, List.of());
    }

    /**
     * This row judged at the time {@code clock} gives: an OK certification older than {@code maxAge}
     * is STALE. Applied after the cache, since a verdict cached yesterday ages.
     */
    public ProjectRow aged(Clock clock, Duration maxAge) {
        if (status != OrgStatus.OK || maxAge == null || date == null) {
            return this;
        }
        Duration age = Duration.between(date, clock.instant());
        if (age.compareTo(maxAge) <= 0) {
            return this;
        }
        List<String> more = new ArrayList<>(reasons);
        more.add("the latest certification is " + age.toDays() + " days old, older than the maximum "
                + maxAge.toDays() + " days");
        return new ProjectRow(project, OrgStatus.STALE, version, tier, score, date, policyVersion, signers, overrides,
                more, entries, history);
    }
}
