package dev.root24.worm;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;

/** A public key the verifier trusts, with its key id (SHA-256 of the SubjectPublicKeyInfo). */
public record TrustedKey(SignatureAlgorithm algorithm, PublicKey publicKey, String keyId) {

    /** The signed-note key name: no spaces or '+', stable for the key. */
    public String noteName() {
        return "root24-" + algorithm.displayName().toLowerCase(java.util.Locale.ROOT) + "-" + keyId.substring(0, 16);
    }

    /**
     * The signed-note key hash: the first four bytes of SHA-256(name || 0x0A || type || key).
     * For Ed25519 the key is the raw 32-byte public key (as C2SP specifies); for ML-DSA-44, which
     * has no assigned type, type 0xff is followed by the DER SubjectPublicKeyInfo.
     */
    byte[] noteKeyHash() {
        byte[] name = noteName().getBytes(StandardCharsets.UTF_8);
        byte[] spki = publicKey.getEncoded();
        byte[] key = algorithm == SignatureAlgorithm.ED25519 ? Arrays.copyOfRange(spki, spki.length - 32, spki.length) : spki;
        byte[] input = new byte[name.length + 2 + key.length];
        System.arraycopy(name, 0, input, 0, name.length);
        input[name.length] = '\n';
        input[name.length + 1] = algorithm.noteType();
        System.arraycopy(key, 0, input, name.length + 2, key.length);
        return Arrays.copyOf(DigestAlgorithm.SHA_256.digest(input), 4);
    }

    boolean verify(byte[] message, byte[] signature) {
        return algorithm.verify(publicKey, message, signature);
    }

    @Override
    public String toString() {
        return algorithm.displayName() + " key " + keyId;
    }
}
