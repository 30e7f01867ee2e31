package dev.root24.score;

import dev.root24.ci.Points;

/**
 * Something the repository can do to raise its audit phase, with the exact audit points it adds.
 * Improvements add up: the audit score is a sum of independent shares, floored once.
 *
 * @param description the action in words
 * @param points the audit-phase points it adds, as an exact fraction
 */
public record AuditImprovement(String description, Points points) {}
