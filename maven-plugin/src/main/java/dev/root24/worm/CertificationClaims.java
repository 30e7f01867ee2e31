package dev.root24.worm;

import java.util.List;

/**
 * What a verifier needs, besides the score, to judge a certification against the organisation's
 * policy without trusting the build that made it: which project and commit, which policy and
 * what the repository changed of it, what each check ran and how it ended, and which tool files
 * were scored. Carried in the signed statement's predicate.
 *
 * @param project {@code groupId:artifactId:version}
 * @param gitDirty whether the work tree had uncommitted changes; null when git could not tell
 * @param policy the policy applied
 * @param overrides every setting the repository changed from its policy
 * @param checks every check of phase 2
 * @param tools every tool of phase 1
 */
public record CertificationClaims(String project, Boolean gitDirty, Policy policy, List<Override> overrides,
        List<CheckClaim> checks, List<ToolClaim> tools) {

    public CertificationClaims {
        overrides = List.copyOf(overrides);
        checks = List.copyOf(checks);
        tools = List.copyOf(tools);
    }

    /**
     * @param location the base policy file ({@code classpath:...} or a repository path), or null without one
     * @param artifact the policy artifact's {@code groupId:artifactId:version}, or null
     * @param baseSha256 SHA-256 of the base file's bytes, or null
     * @param effectiveSha256 SHA-256 of the effective policy (canonical JSON)
     * @param locked the keys the policy locks
     */
    public record Policy(String location, String artifact, String baseSha256, String effectiveSha256, List<String> locked) {
        public Policy {
            locked = List.copyOf(locked);
        }
    }

    /** A changed setting: key, the policy's value, the value in force, and who set it. */
    public record Override(String key, String policyValue, String effectiveValue, String source) {}

    /**
     * @param commandSha256 SHA-256 of the command line as configured, or null for a built-in check
     * @param outcome the check's status, e.g. {@code PASSED}
     */
    public record CheckClaim(String id, String commandSha256, int exitCode, String outcome, long durationMillis, int weight) {}

    /** @param sha256 the tool file's SHA-256, or null when there was no readable regular file */
    public record ToolClaim(String id, String path, String sha256, boolean counted) {}
}
