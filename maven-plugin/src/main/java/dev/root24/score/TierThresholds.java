package dev.root24.score;

/**
 * The lowest overall score of each tier; below {@code bronze} the tier is {@link Tier#NONE}.
 */
public record TierThresholds(int platinum, int gold, int silver, int bronze) {

    public static final TierThresholds DEFAULT = new TierThresholds(95, 85, 70, 50);

    /**
     * @throws IllegalArgumentException unless 0 &lt; bronze &lt; silver &lt; gold &lt; platinum &lt;= 100
     */
    public TierThresholds {
        if (!(0 < bronze && bronze < silver && silver < gold && gold < platinum && platinum <= 100)) {
            throw new IllegalArgumentException("tier thresholds must rise strictly within 1..100, got bronze " + bronze
                    + ", silver " + silver + ", gold " + gold + ", platinum " + platinum);
        }
    }

    public Tier tierOf(int overall) {
        if (overall >= platinum) {
            return Tier.PLATINUM;
        }
        if (overall >= gold) {
            return Tier.GOLD;
        }
        if (overall >= silver) {
            return Tier.SILVER;
        }
        return overall >= bronze ? Tier.BRONZE : Tier.NONE;
    }

    /** The lowest score of {@code tier}; 0 for {@link Tier#NONE}. */
    public int minimumOf(Tier tier) {
        return switch (tier) {
            case PLATINUM -> platinum;
            case GOLD -> gold;
            case SILVER -> silver;
            case BRONZE -> bronze;
            case NONE -> 0;
        };
    }
}
