package dev.root24.exec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hides the values of secret-looking environment variables in anything the plugin keeps (output
 * tails, command lines, environment listings). A variable looks secret when its name contains
 * {@code TOKEN}, {@code SECRET}, {@code PASSWORD}, {@code PASSWD}, {@code KEY} or
 * {@code CREDENTIAL}, in any case.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} characters are not masked: replacing every {@code 1}
 * or {@code on} in the output would destroy it while protecting nothing worth protecting.
 */
public final class SecretMask {

    public static final String MASK = "****";
    public static final int MIN_LENGTH = 4;
    private static final List<String> MARKERS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY", "CREDENTIAL");

    /** Longest first, so that a secret containing another is masked whole. */
    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    public static SecretMask none() {
        return new SecretMask(List.of());
    }

    /** Collects the secret values of every given environment (e.g. the inherited one and a check's own). */
    @SafeVarargs
    public static SecretMask of(Map<String, String>... environments) {
        TreeSet<String> values = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (Map<String, String> env : environments) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (looksSecret(e.getKey()) && maskable(e.getValue())) {
                    values.addAll(forms(e.getValue()));
                }
            }
        }
        return new SecretMask(List.copyOf(values));
    }

    /**
     * The forms a secret takes on its way into output: as is; with every run of whitespace made
     * one space ({@code echo $KEY} unquoted); each of its lines alone ({@code | sed -n 2p}); and
     * JSON-escaped, as it stands in a rendered report.
     */
    static List<String> forms(String value) {
        List<String> forms = new ArrayList<>();
        forms.add(value);
        String normalised = value.strip().replaceAll("\\s+", " ");
        if (maskable(normalised)) {
            forms.add(normalised);
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            for (String line : value.split("\\R")) {
                String l = line.strip();
                if (maskable(l)) {
                    forms.add(l);
                }
            }
        }
        String json = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t");
        if (!json.equals(value)) {
            forms.add(json);
        }
        return forms;
    }

    /**
     * Short values, numbers and booleans ({@code SIGNING_KEY_ENABLED=true}) are no secrets worth
     * hiding, and masking them would blank out every {@code true} or {@code 2024} in the output.
     */
    static boolean maskable(String value) {
        if (value == null || value.length() < MIN_LENGTH) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return !(v.equals("true") || v.equals("false") || v.equals("null") || v.chars().allMatch(Character::isDigit));
    }

    public static boolean looksSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(upper::contains);
    }

    /** The length of the longest secret, 0 when there is none. */
    public int longest() {
        return secrets.isEmpty() ? 0 : secrets.get(0).length();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** {@code text} with every secret value replaced by {@link #MASK}. */
    public String apply(String text) {
        if (secrets.isEmpty() || text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** UTF-8 {@code bytes} (a rendered report) with every secret value replaced by {@link #MASK}. */
    public byte[] apply(byte[] bytes) {
        if (secrets.isEmpty()) {
            return bytes;
        }
        return apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The environment with secret-looking values masked, in key order. */
    public Map<String, String> maskValues(Map<String, String> environment) {
        java.util.TreeMap<String, String> shown = new java.util.TreeMap<>();
        environment.forEach((k, v) -> shown.put(k, looksSecret(k) ? MASK : apply(v)));
        return shown;
    }

    List<String> secrets() {
        return new ArrayList<>(secrets);
    }
}
