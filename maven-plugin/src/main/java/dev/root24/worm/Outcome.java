package dev.root24.worm;

/** The verdict on a chain, and the severity of one problem; ordered from best to worst. */
public enum Outcome {
    OK,
    WARN,
    FAIL;

    Outcome worst(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
