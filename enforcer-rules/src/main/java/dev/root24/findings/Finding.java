package dev.root24.findings;

import java.util.Objects;

/**
 * One thing a rule reports, in the shape every report format needs.
 *
 * @param ruleId stable id of what was checked, e.g. {@code root24Lock/MISSING_MODULE}
 * @param level how serious it is
 * @param file repository-relative path, forward slashes; {@code null} when no file is concerned
 * @param line 1-based line; 0 when unknown or the file as a whole is concerned
 * @param message what is wrong, never the file's content
 * @param fix what to do about it; may be empty
 * @param declaredAt where the thing concerned is declared (a policy line), shown instead of {@code file}
 *     when that is no existing regular file (a missing module, a directory, a missing workflow); may be null
 */
public record Finding(String ruleId, Level level, String file, int line, String message, String fix, Place declaredAt) {

    /** A finding on a file of its own, or with nothing declared for it. */
    public Finding(String ruleId, Level level, String file, int line, String message, String fix) {
        this(ruleId, level, file, line, message, fix, null);
    }

    /** SARIF's levels, which the step summary shows too. */
    public enum Level {
        ERROR("error"), WARNING("warning"), NOTE("note");

        private final String sarif;

        Level(String sarif) {
            this.sarif = sarif;
        }

        /** The SARIF {@code level} value. */
        public String sarif() {
            return sarif;
        }
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
        line = Math.max(0, line);
    }
}
