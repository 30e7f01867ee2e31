package dev.root24.worm;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6962 (§2.1) SHA-256 Merkle tree kept as its right frontier: the roots of the perfect
 * subtrees the leaves decompose into, largest first. Appending is amortised O(1) and the root is
 * O(log n), so a checkpoint after every append stays cheap on a long chain.
 */
final class MerkleTree {
    private final List<byte[]> roots = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private long size;

    long size() {
        return size;
    }

    /** Adds a leaf: its hash is SHA-256(0x00 || data). */
    void append(byte[] leafData) {
        appendLeafHash(leafHash(leafData));
    }

    /** The hash a leaf of {@code leafData} has, computed apart from the tree (e.g. on another thread). */
    static byte[] leafHash(byte[] leafData) {
        return hash((byte) 0x00, leafData, null);
    }

    /** Adds a leaf by its {@link #leafHash}. */
    void appendLeafHash(byte[] hash) {
        roots.add(hash);
        sizes.add(1L);
        size++;
        while (sizes.size() >= 2 && sizes.get(sizes.size() - 1).equals(sizes.get(sizes.size() - 2))) {
            int last = sizes.size() - 1;
            byte[] merged = hash((byte) 0x01, roots.get(last - 1), roots.get(last));
            long mergedSize = sizes.get(last) * 2;
            roots.remove(last);
            sizes.remove(last);
            roots.set(last - 1, merged);
            sizes.set(last - 1, mergedSize);
        }
    }

    /** MTH of the leaves so far; SHA-256 of the empty string for no leaves. */
    byte[] root() {
        if (roots.isEmpty()) {
            return hash(null, new byte[0], null);
        }
        byte[] acc = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            acc = hash((byte) 0x01, roots.get(i), acc);
        }
        return acc;
    }

    private static byte[] hash(Byte prefix, byte[] a, byte[] b) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (prefix != null) {
                sha.update(prefix);
            }
            sha.update(a);
            if (b != null) {
                sha.update(b);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
