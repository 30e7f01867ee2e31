package dev.root24.worm;

/**
 * A WORM store or key problem the user can act on: an unreadable key file, a key of the wrong
 * type, a store that cannot be written. The message is one line naming the file; it never
 * contains key material, so adapters can print it as-is without a stack trace.
 */
public final class WormException extends Exception {
    private static final long serialVersionUID = 1L;

    public WormException(String message) {
        super(message);
    }

    public WormException(String message, Throwable cause) {
        super(message, cause);
    }
}
