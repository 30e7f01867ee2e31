package dev.root24.worm;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import tools.jackson.databind.JsonNode;

/**
 * The bytes Python's {@code json.dumps(value, ensure_ascii=True, separators=(",", ":"),
 * sort_keys=True)} produces, which is what the seed's legacy WORM store hashed. Keys are sorted
 * by Unicode code point (Python's {@code str} order, which differs from UTF-16 order above
 * U+FFFF), everything outside printable ASCII is a {@code \\u} escape with four lowercase hex digits, and floats
 * keep Python's {@code repr}: {@code 9.0} stays {@code 9.0}, {@code 1e-05}, {@code 1e+16}.
 */
final class PythonJson {

    private PythonJson() {
    }

    static byte[] dumps(JsonNode node) {
        return WRITER.write(node).getBytes(StandardCharsets.US_ASCII);
    }

    private static final CompactJsonWriter WRITER = new CompactJsonWriter() {
        @Override
        Comparator<String> keyOrder() {
            return PythonJson::compareCodePoints;
        }

        @Override
        void writeString(String value, StringBuilder out) {
            PythonJson.writeString(value, out);
        }

        @Override
        String number(JsonNode node) {
            return node.isIntegralNumber() ? node.bigIntegerValue().toString() : repr(node.doubleValue());
        }
    };

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Python's float repr (CPython {@code format_float_short}, mode 'r', with ".0" added). */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        ShortestDecimal d = ShortestDecimal.of(value);
        String sign = d.negative() ? "-" : "";
        if (d.isZero()) {
            return sign + "0.0";
        }
        String s = d.digits();
        int k = s.length();
        int decpt = d.point();
        if (decpt <= -4 || decpt > 16) {
            int e = decpt - 1;
            String mantissa = k > 1 ? s.charAt(0) + "." + s.substring(1) : s;
            String exp = String.format("%02d", Math.abs(e));
            return sign + mantissa + "e" + (e < 0 ? "-" : "+") + exp;
        }
        if (decpt <= 0) {
            return sign + "0." + ShortestDecimal.zeros(-decpt) + s;
        }
        if (decpt >= k) {
            return sign + s + ShortestDecimal.zeros(decpt - k) + ".0";
        }
        return sign + s.substring(0, decpt) + "." + s.substring(decpt);
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!CompactJsonWriter.appendShortEscape(c, out)) {
                if (c < 0x20 || c > 0x7e) {
                    // Python escapes each UTF-16 unit, so a non-BMP character becomes a surrogate pair.
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        out.append('"');
    }
}
