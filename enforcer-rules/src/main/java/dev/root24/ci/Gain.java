package dev.root24.ci;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What fixing one {@link MissingReference} is worth, exactly, in tool points (the unit of
 * {@link ToolSpec#maxScore()}); rounded to {@link Points#SCALE} decimals.
 */
public record Gain(MissingReference reference, BigDecimal points) {

    public Gain {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(points, "points");
    }
}
