package dev.root24.worm;

import tools.jackson.core.io.NumberOutput;

/**
 * A finite double as its shortest round-tripping decimal: {@code 0.digits × 10^point}, i.e. the
 * decimal point sits {@code point} places after the first digit's left edge. Both RFC 8785
 * (ECMAScript {@code Number.prototype.toString}) and Python's {@code repr(float)} start from
 * these same shortest digits and differ only in layout.
 *
 * <p>The digits come from Jackson's shortest-representation writer ({@code NumberOutput} with the
 * fast writer), because Java 17's {@code Double.toString} is not always shortest (1e23 prints as
 * 9.999999999999999E22 there).
 */
record ShortestDecimal(boolean negative, String digits, int point) {

    static ShortestDecimal of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String text = NumberOutput.toString(value, true);
        boolean negative = text.startsWith("-");
        if (negative) {
            text = text.substring(1);
        }
        int exponent = 0;
        int e = text.indexOf('E');
        if (e >= 0) {
            exponent = Integer.parseInt(text.substring(e + 1));
            text = text.substring(0, e);
        }
        int dot = text.indexOf('.');
        String intPart = dot >= 0 ? text.substring(0, dot) : text;
        String fracPart = dot >= 0 ? text.substring(dot + 1) : "";
        String all = intPart + fracPart;
        int point = intPart.length() + exponent;
        int lead = 0;
        while (lead < all.length() - 1 && all.charAt(lead) == '0') {
            lead++;
        }
        all = all.substring(lead);
        point -= lead;
        int end = all.length();
        while (end > 1 && all.charAt(end - 1) == '0') {
            end--;
        }
        all = all.substring(0, end);
        if (all.equals("0")) {
            point = 1;
        }
        return new ShortestDecimal(negative, all, point);
    }

    boolean isZero() {
        return digits.equals("0");
    }

    static String zeros(int count) {
        return "0".repeat(Math.max(0, count));
    }
}
