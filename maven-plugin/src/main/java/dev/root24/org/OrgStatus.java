package dev.root24.org;

/** What the organisation report says of one project's certifications, worst first. */
public enum OrgStatus {
    /** An entry fails verification: altered, another project's, signed by no organisation key, policy not the organisation's. */
    FAILED_VERIFICATION,
    /** The latest certification carries no signature at all. */
    UNSIGNED,
    /** A deployed certification was deleted: the chain's indexes have a hole. */
    GAP,
    /** Two deployed certifications continue from the same entry. */
    FORK,
    /** The latest certification verifies but is older than the organisation accepts. */
    STALE,
    /** Nothing is deployed for the project, or nothing with a certification. */
    NEVER_CERTIFIED,
    /** The latest certification verifies against the organisation's policy and keys, and the chain is whole. */
    OK
}
