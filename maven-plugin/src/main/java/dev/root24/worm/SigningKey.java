package dev.root24.worm;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * A private key able to sign entries, with its public half and key id. Deliberately not a record:
 * {@link #toString} must never render the private key.
 */
public final class SigningKey {
    private final SignatureAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    SigningKey(SignatureAlgorithm algorithm, PrivateKey privateKey, PublicKey publicKey) {
        this.algorithm = Objects.requireNonNull(algorithm);
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKey = Objects.requireNonNull(publicKey);
        this.keyId = KeyId.of(publicKey);
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** SHA-256 of the SubjectPublicKeyInfo, lowercase hex. */
    public String keyId() {
        return keyId;
    }

    byte[] sign(byte[] message) {
        return algorithm.sign(privateKey, message);
    }

    /** The public half as a key the verifier can trust. */
    public TrustedKey trusted() {
        return new TrustedKey(algorithm, publicKey, keyId);
    }

    @Override
    public String toString() {
        return algorithm.displayName() + " signing key " + keyId;
    }
}
