package dev.root24.score;

import java.time.Instant;

/**
 * The scores one certification claimed, at the time it was recorded, and how far a reader can
 * believe them: one point of a score history.
 *
 * @param index the certification's position in its chain (0 for the first)
 * @param time when it was recorded
 * @param overall the overall score, 0..100
 * @param staticScore phase 1, 0..100
 * @param dynamicScore phase 2, 0..100
 * @param auditScore phase 3, 0..100
 * @param trust whether the record behind the scores verified
 */
public record ScorePoint(long index, Instant time, int overall, int staticScore, int dynamicScore, int auditScore,
        Trust trust) {

    /** How far the scores of a point can be believed. */
    public enum Trust {
        /** Intact, and signed by a trusted key. */
        VERIFIED,
        /** Intact, but unsigned or signed by a key nobody said to trust: anyone able to write the store could have written it. */
        UNCHECKED,
        /** Failed verification (altered, mislinked, or signed by a key that is not trusted): its scores mean nothing. */
        FAILED
    }

    /**
     * @throws IllegalArgumentException when a score lies outside 0..100 or a field is missing
     */
    public ScorePoint {
        if (time == null || trust == null) {
            throw new IllegalArgumentException("a score point needs a time and a trust");
        }
        for (int score : new int[] {overall, staticScore, dynamicScore, auditScore}) {
            if (score < 0 || score > 100) {
                throw new IllegalArgumentException("score " + score + " is outside 0..100");
            }
        }
    }

    /** The score of one phase. */
    public int of(Phase phase) {
        return switch (phase) {
            case STATIC -> staticScore;
            case DYNAMIC -> dynamicScore;
            case AUDIT -> auditScore;
        };
    }
}
