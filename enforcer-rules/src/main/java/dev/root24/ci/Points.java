package dev.root24.ci;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact, non-negative rational number of points. The seed's formula divides by the number of
 * referencing files (thirds, sevenths...), and a phase score is a floor: summing rounded decimals
 * could land a hair below a whole number and lose a point, so sums stay exact until displayed.
 */
public record Points(BigInteger numerator, BigInteger denominator) implements Comparable<Points> {

    /** Decimal places kept when exact points are handed out as {@link BigDecimal}. */
    public static final int SCALE = 4;

    public static final Points ZERO = new Points(BigInteger.ZERO, BigInteger.ONE);

    public Points {
        if (denominator.signum() <= 0) {
            throw new IllegalArgumentException("denominator must be positive");
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
    }

    public static Points of(long numerator, long denominator) {
        return new Points(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * The seed's per-tool formula: 0 if the tool is missing; {@code max × 0.20} if nothing
     * references it; else {@code max × (0.20 + 0.80 × found / total)}, i.e.
     * {@code max × (total + 4·found) / (5·total)}.
     */
    public static Points forTool(int maxScore, boolean present, int found, int total) {
        if (!present) {
            return ZERO;
        }
        if (total <= 0 || found <= 0) {
            return of(maxScore, 5);
        }
        return of((long) maxScore * (total + 4L * found), 5L * total);
    }

    public Points plus(Points other) {
        return new Points(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Points minus(Points other) {
        return new Points(numerator.multiply(other.denominator).subtract(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    /** {@code floor(100 × this / max)}: a phase score out of {@code max} points. */
    public int percentOf(int max) {
        if (max <= 0) {
            return 0;
        }
        BigInteger scaled = numerator.multiply(BigInteger.valueOf(100));
        return scaled.divide(denominator.multiply(BigInteger.valueOf(max))).intValueExact();
    }

    /** Rounded half-up to {@code scale} decimal places. */
    public BigDecimal toDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    public BigDecimal toDecimal() {
        return toDecimal(SCALE);
    }

    @Override
    public int compareTo(Points other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public String toString() {
        return toDecimal(1).toPlainString();
    }
}
