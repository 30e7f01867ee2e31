package dev.root24.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a timeout is written, in the POM, on the command line and in
 * {@code root24-policy.yaml}: {@code 500ms}, {@code 120s}, {@code 2m}, {@code 1h}, a plain number
 * of seconds ({@code 120}), or an ISO-8601 duration ({@code PT2M}, {@code PT1M30S}). The policy
 * schema carries {@link #PATTERN} and {@link #ACCEPTED} verbatim, and a test keeps them equal, so
 * a value the schema accepts is a value this parser accepts.
 */
public final class TimeoutFormat {

    /**
     * What a timeout may look like. Nine digits at most, because a check that may run for more
     * than a day is a mistake, and longer numbers would overflow the nanosecond clock that enforces it.
     */
    public static final String PATTERN =
            "^([0-9]{1,9} ?(ms|s|m|h)?|[Pp]([0-9]{1,9}[Dd])?([Tt]([0-9]{1,9}[Hh])?([0-9]{1,9}[Mm])?([0-9]{1,9}([.,][0-9]{1,9})?[Ss])?)?)$";

    /** The same set in plain words, for error messages and the schema's description. */
    public static final String ACCEPTED = "a positive duration of at most 24 hours: a whole number with ms, s, m or h"
            + " (500ms, 120s, 2m, 1h), a whole number of seconds (120), or ISO-8601 (PT2M, PT1M30S)";

    /** Longer than any CI job may run. */
    public static final Duration MAXIMUM = Duration.ofHours(24);

    private static final Pattern SHAPE = Pattern.compile(PATTERN);
    private static final Pattern SIMPLE = Pattern.compile("([0-9]+) ?(ms|s|m|h)?");

    private TimeoutFormat() {}

    /**
     * Reads a timeout.
     *
     * @param text the value as written; surrounding blanks are ignored
     * @return the duration, positive and at most {@link #MAXIMUM}
     * @throws IllegalArgumentException saying what is accepted, without repeating the value
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (!SHAPE.matcher(t).matches()) {
            throw new IllegalArgumentException("must be " + ACCEPTED);
        }
        Duration value;
        Matcher simple = SIMPLE.matcher(t);
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            value = switch (simple.group(2) == null ? "s" : simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofSeconds(amount);
            };
        } else {
            try {
                value = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // "P" or "PT" alone: the shape allows every part to be absent, ISO-8601 does not.
                throw new IllegalArgumentException("must be " + ACCEPTED);
            }
        }
        if (value.isZero() || value.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("must be " + ACCEPTED);
        }
        return value;
    }
}
