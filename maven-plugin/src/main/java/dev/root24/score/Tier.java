package dev.root24.score;

import java.util.Locale;

/** Certification tiers, lowest first. */
public enum Tier {
    NONE, BRONZE, SILVER, GOLD, PLATINUM;

    /** The tier above this one, or null at the top. */
    public Tier next() {
        return this == PLATINUM ? null : values()[ordinal() + 1];
    }

    /**
     * @throws IllegalArgumentException naming the known tiers
     */
    public static Tier parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a tier (NONE, BRONZE, SILVER, GOLD, PLATINUM)");
        }
    }
}
