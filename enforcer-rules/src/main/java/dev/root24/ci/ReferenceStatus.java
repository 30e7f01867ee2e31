package dev.root24.ci;

/** What became of one expected reference from a CI file to a tool. */
public enum ReferenceStatus {
    /** The file runs the tool. */
    FOUND,
    /** The file exists and was read, but nothing in it would run the tool (mentions in comments, names or prose do not count). */
    NOT_REFERENCED,
    /** The referencing file does not exist. */
    FILE_MISSING,
    /** The file exists but cannot be scanned: a directory, binary, not UTF-8, too large, or an I/O error. */
    UNREADABLE,
    /** The file is YAML that does not parse. */
    PARSE_ERROR
}
