package dev.root24.score;

import java.math.BigDecimal;
import java.util.List;

/**
 * The smallest set of actions that lifts the overall score into the next tier, each with what it
 * adds.
 *
 * @param from the tier now
 * @param target the next tier, or null at the top
 * @param threshold the lowest overall score of {@code target}
 * @param outcome whether such a set was found
 * @param steps the actions, in the order their gains are counted
 * @param overallAfter the overall score with every step done (the current one when none)
 * @param candidates how many single actions were considered
 * @param largestSetSearched the largest set size searched exhaustively
 * @param evaluated how many sets were scored
 * @param note one line for people: what the result means
 */
public record NextTierPath(Tier from, Tier target, int threshold, Outcome outcome, List<Step> steps, int overallAfter,
                           int candidates, int largestSetSearched, long evaluated, String note) {

    public NextTierPath {
        steps = List.copyOf(steps);
    }

    public enum Outcome {
        /** Already at the highest tier. */
        AT_TOP,
        /** {@code steps} reach the target tier and no smaller set does. */
        FOUND,
        /** Even every action together stays below the target. */
        OUT_OF_REACH,
        /** No set within the search bound reaches the target; a larger one might. */
        BEYOND_SEARCH_BOUND
    }

    /**
     * @param action what to do
     * @param gain what it adds to the overall score before flooring, after the steps before it
     * @param overallAfter the overall score (floored) once this and the steps before it are done
     */
    public record Step(Action action, BigDecimal gain, int overallAfter) {}
}
