package dev.root24.score;

/**
 * How much each phase counts in the overall score, in percent.
 *
 * @param staticWeight weight of phase 1 (default 35)
 * @param dynamicWeight weight of phase 2 (default 40)
 * @param auditWeight weight of phase 3 (default 25)
 */
public record Weights(int staticWeight, int dynamicWeight, int auditWeight) {

    public static final Weights DEFAULT = new Weights(35, 40, 25);

    /**
     * @throws IllegalArgumentException if a weight is negative or they do not sum to 100
     */
    public Weights {
        if (staticWeight < 0 || dynamicWeight < 0 || auditWeight < 0) {
            throw new IllegalArgumentException("phase weights must not be negative, got static " + staticWeight
                    + ", dynamic " + dynamicWeight + ", audit " + auditWeight);
        }
        int sum = staticWeight + dynamicWeight + auditWeight;
        if (sum != 100) {
            throw new IllegalArgumentException("phase weights must sum to 100, got " + staticWeight + " + "
                    + dynamicWeight + " + " + auditWeight + " = " + sum);
        }
    }

    public int of(Phase phase) {
        return switch (phase) {
            case STATIC -> staticWeight;
            case DYNAMIC -> dynamicWeight;
            case AUDIT -> auditWeight;
        };
    }
}
