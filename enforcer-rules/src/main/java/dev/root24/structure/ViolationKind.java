package dev.root24.structure;

/** The ways a repository root can break the ROOT-24-LOCK. */
public enum ViolationKind {
    MISSING_MODULE,
    MODULE_NOT_DIRECTORY,
    UNLOCKED_MODULE,
    UNAUTHORISED_DIRECTORY,
    UNAUTHORISED_FILE,
    FORBIDDEN_FILE,
    SYMBOLIC_LINK,
    MISSING_MODULE_ENTRY
}
