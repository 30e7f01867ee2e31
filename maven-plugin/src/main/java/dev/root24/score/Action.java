package dev.root24.score;

/**
 * One concrete thing the repository can do to raise its score.
 *
 * @param kind what sort of action
 * @param subject the tool id (references), the check id (checks) or {@code audit}
 * @param file the referencing file to change, or the tool file to create; null for checks
 * @param description the action in words
 */
public record Action(Kind kind, String subject, String file, String description) {

    public enum Kind {
        /** Make a CI file run a tool (phase 1). */
        ADD_REFERENCE,
        /** Create a tool's missing file (phase 1). */
        CREATE_TOOL_FILE,
        /** Make a failing check pass (phase 2). */
        FIX_CHECK,
        /** Strengthen the audit proof: sign with a trusted key, add evidence (phase 3). */
        IMPROVE_AUDIT
    }
}
