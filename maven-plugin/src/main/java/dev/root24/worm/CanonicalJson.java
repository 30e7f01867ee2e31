package dev.root24.worm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Canonicalization Scheme (RFC 8785) over Jackson's tree model: object members sorted by
 * their names' UTF-16 code units, no insignificant whitespace, strings with the minimal escapes
 * of ECMAScript's {@code JSON.stringify}, numbers as ECMAScript's {@code Number.prototype.toString}
 * prints the IEEE-754 double they denote. Output is UTF-8.
 *
 * <p>Digests in the WORM chain are taken over these bytes so that any tool that re-serialises the
 * same JSON data arrives at the same digest.
 */
public final class CanonicalJson {

    /** Parses strictly: duplicate member names are an error, never "last one wins". */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /** Parses JSON text and returns its canonical form. */
    public static byte[] canonicalize(byte[] json) {
        return canonicalize(parse(json));
    }

    /** The canonical UTF-8 bytes of a JSON tree. */
    public static byte[] canonicalize(JsonNode node) {
        return WRITER.write(node).getBytes(StandardCharsets.UTF_8);
    }

    // String.compareTo compares UTF-16 code units, which is exactly RFC 8785 §3.2.3.
    private static final CompactJsonWriter WRITER = new CompactJsonWriter() {
        @Override
        Comparator<String> keyOrder() {
            return Comparator.naturalOrder();
        }

        @Override
        void writeString(String value, StringBuilder out) {
            CanonicalJson.writeString(value, out);
        }

        @Override
        String number(JsonNode node) {
            return CanonicalJson.number(node);
        }
    };

    /**
     * JSON that does not parse. The message gives the byte offset only: Jackson's own message
     * quotes the token it saw, and the bytes may be a secret that a link or a mistake put there.
     */
    public static final class MalformedJson extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final long byteOffset;

        MalformedJson(long byteOffset) {
            super(byteOffset >= 0 ? "malformed JSON at byte " + byteOffset : "malformed JSON");
            this.byteOffset = byteOffset;
        }

        /** The 0-based offset where parsing stopped, or -1 when unknown. */
        public long byteOffset() {
            return byteOffset;
        }
    }

    /**
     * JSON that parses but has the wrong shape. Its message names members and expected forms,
     * never a value, so it may be shown as it is.
     */
    public static final class ShapeProblem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public ShapeProblem(String message) {
            super(message);
        }
    }

    /**
     * Parses JSON text strictly; throws {@link MalformedJson} (never quoting the input) or, for
     * a duplicate member, the same with the offset of the duplicate.
     */
    public static JsonNode parse(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            throw new MalformedJson(offset);
        }
    }

    /**
     * "not a valid {@code what} at byte N" for unparseable bytes, "not a valid {@code what}:
     * reason" for a {@link ShapeProblem} (those reasons name members, never values), and no
     * reason at all for anything else, whose message may quote a value.
     */
    static String describe(IllegalArgumentException e, String what) {
        if (e instanceof MalformedJson m) {
            return "not a valid " + what + (m.byteOffset() >= 0 ? " at byte " + m.byteOffset() : " (malformed JSON)");
        }
        if (e instanceof ShapeProblem) {
            return "not a valid " + what + ": " + e.getMessage().replaceAll("\\s+", " ").trim();
        }
        // Any other reason (a number or string with no canonical form) may quote the value.
        return "not a valid " + what + ": a value has no canonical JSON form";
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            // Integers are doubles in I-JSON; exact ones print as themselves, larger ones as the
            // double they round to.
            if (value.bitLength() <= 53) {
                return value.toString();
            }
            return ecmaScript(value.doubleValue());
        }
        if (node.isBigDecimal()) {
            BigDecimal value = node.decimalValue();
            return ecmaScript(value.doubleValue());
        }
        return ecmaScript(node.doubleValue());
    }

    /** ECMAScript's Number.prototype.toString (ECMA-262 §6.1.6.1.20) for a finite double. */
    public static String ecmaScript(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("RFC 8785 has no form for " + value);
        }
        ShortestDecimal d = ShortestDecimal.of(value);
        if (d.isZero()) {
            return "0";
        }
        String s = d.digits();
        int k = s.length();
        int n = d.point();
        StringBuilder out = new StringBuilder(32);
        if (d.negative()) {
            out.append('-');
        }
        if (k <= n && n <= 21) {
            out.append(s).append(ShortestDecimal.zeros(n - k));
        } else if (0 < n && n <= 21) {
            out.append(s, 0, n).append('.').append(s, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append(ShortestDecimal.zeros(-n)).append(s);
        } else {
            int e = n - 1;
            out.append(s.charAt(0));
            if (k > 1) {
                out.append('.').append(s, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    private static void writeString(String value, StringBuilder out) {
        if (needsNoEscape(value)) {
            // The common case (base64, hex, ids): appended in bulk, which is what keeps re-serialising
            // every entry of a long chain cheap. The output is the same as the loop below gives.
            out.append('"').append(value).append('"');
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!CompactJsonWriter.appendShortEscape(c, out)) {
                if (Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                    throw new IllegalArgumentException("string with an unpaired surrogate at index " + i);
                }
                if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        out.append('"');
    }

    /** True when no character of {@code value} is escaped or is a surrogate, so it is written as it is. */
    private static boolean needsNoEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
