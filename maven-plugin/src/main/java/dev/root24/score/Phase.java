package dev.root24.score;

/** The three phases of a certification, in report order. */
public enum Phase {
    STATIC("static", "Static analysis (CI references)"),
    DYNAMIC("dynamic", "Dynamic execution (checks)"),
    AUDIT("audit", "Audit proof (WORM chain)");

    private final String key;
    private final String title;

    Phase(String key, String title) {
        this.key = key;
        this.title = title;
    }

    /** The short lower-case name used in the verdict line and report keys. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }
}
