package dev.root24.worm;

import java.security.PublicKey;

/** Key ids: lowercase hex SHA-256 of the public key's DER SubjectPublicKeyInfo. */
final class KeyId {
    private KeyId() {
    }

    static String of(PublicKey key) {
        return DigestAlgorithm.SHA_256.hex(key.getEncoded());
    }
}
