package dev.root24.score;

/**
 * One phase's result.
 *
 * @param phase which phase
 * @param measured false when nothing could measure it (then {@code score} is 0, never invented)
 * @param score 0..100
 * @param note one line on how the score came about, or why it was not measured
 */
public record PhaseScore(Phase phase, boolean measured, int score, String note) {

    public PhaseScore {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException(phase.key() + " score must be within 0..100, got " + score);
        }
        if (!measured && score != 0) {
            throw new IllegalArgumentException(phase.key() + " is not measured but scored " + score);
        }
    }

    public static PhaseScore measured(Phase phase, int score, String note) {
        return new PhaseScore(phase, true, score, note);
    }

    public static PhaseScore notMeasured(Phase phase, String why) {
        return new PhaseScore(phase, false, 0, why);
    }

    /** {@code 52}, or {@code not measured}. */
    public String display() {
        return measured ? Integer.toString(score) : "not measured";
    }
}
