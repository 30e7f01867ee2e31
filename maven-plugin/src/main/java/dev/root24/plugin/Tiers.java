package dev.root24.plugin;

/** certify's {@code <tiers>}: the lowest overall score of each tier. */
public final class Tiers {

    /** Default 95. */
    Integer platinum;

    /** Default 85. */
    Integer gold;

    /** Default 70. */
    Integer silver;

    /** Default 50; below it the tier is NONE. */
    Integer bronze;

    public Tiers() {
        // Maven instantiates and fills it from the POM.
    }
}
