package dev.root24.score;

import java.util.Locale;

import dev.root24.policy.NearestName;

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
            String hint = NearestName.to(text == null ? null : text.strip(),
                    java.util.Arrays.stream(values()).map(Tier::name).toList())
                    .map(t -> "; did you mean '" + t + "'?").orElse("");
            throw new IllegalArgumentException("'" + text + "' is not a tier (NONE, BRONZE, SILVER, GOLD, PLATINUM" + hint + ")");
        }
    }
}
