package dev.root24.worm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** The digests the chain uses; BLAKE2b-256 comes from Bouncy Castle, the SHA-2s from the JDK. */
public enum DigestAlgorithm {
    SHA_256,
    SHA_512,
    BLAKE2B_256;

    public byte[] digest(byte[] data) {
        return switch (this) {
            case SHA_256 -> jdk("SHA-256", data);
            case SHA_512 -> jdk("SHA-512", data);
            case BLAKE2B_256 -> {
                Blake2bDigest blake = new Blake2bDigest(256);
                blake.update(data, 0, data.length);
                byte[] out = new byte[32];
                blake.doFinal(out, 0);
                yield out;
            }
        };
    }

    /** Lowercase hex of {@link #digest}. */
    public String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    private static byte[] jdk(String name, byte[] data) {
        try {
            return MessageDigest.getInstance(name).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + name, e);
        }
    }
}
