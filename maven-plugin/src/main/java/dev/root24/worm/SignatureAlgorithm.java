package dev.root24.worm;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The two signature schemes a chain entry may carry. ML-DSA-44 is FIPS 204's standardised
 * Dilithium2 (signed hedged, with the empty context string); Ed25519 is RFC 8032 pure EdDSA.
 */
public enum SignatureAlgorithm {
    ML_DSA_44("ML-DSA-44", NISTObjectIdentifiers.id_ml_dsa_44, (byte) 0xff),
    ED25519("Ed25519", EdECObjectIdentifiers.id_Ed25519, (byte) 0x01);

    /**
     * A private provider instance: registering Bouncy Castle globally would change the crypto of
     * the whole Maven JVM, which is not ours to change.
     */
    static final Provider PROVIDER = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String displayName;
    private final ASN1ObjectIdentifier oid;
    private final byte noteType;

    SignatureAlgorithm(String displayName, ASN1ObjectIdentifier oid, byte noteType) {
        this.displayName = displayName;
        this.oid = oid;
        this.noteType = noteType;
    }

    /** The name used in configuration, in entries and in documentation: {@code ML-DSA-44}, {@code Ed25519}. */
    public String displayName() {
        return displayName;
    }

    ASN1ObjectIdentifier oid() {
        return oid;
    }

    /** The C2SP signed-note signature type byte (0x01 Ed25519; 0xff, "other", for ML-DSA-44). */
    byte noteType() {
        return noteType;
    }

    static SignatureAlgorithm forOid(ASN1ObjectIdentifier oid) {
        for (SignatureAlgorithm a : values()) {
            if (a.oid.equals(oid)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The algorithm whose {@link #displayName()} is exactly {@code name}, or null. For names inside
     * signed payloads, where one meaning must have one spelling; configuration uses {@link #parse}.
     */
    static SignatureAlgorithm exact(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.displayName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Parses one name, case-insensitively; {@code Dilithium2} is accepted as ML-DSA-44's old name. */
    public static SignatureAlgorithm parse(String name) throws WormException {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "ml-dsa-44", "mldsa44", "ml_dsa_44", "dilithium2" -> ML_DSA_44;
            case "ed25519" -> ED25519;
            default -> throw new WormException("unknown signature algorithm '" + name.trim()
                    + "' (expected ML-DSA-44 or Ed25519)");
        };
    }

    /** Parses a comma-separated list such as {@code ML-DSA-44,Ed25519}; order kept, duplicates dropped. */
    public static List<SignatureAlgorithm> parseList(String names) throws WormException {
        Set<SignatureAlgorithm> out = new LinkedHashSet<>();
        for (String part : names.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part));
            }
        }
        if (out.isEmpty()) {
            throw new WormException("no signature algorithm named in '" + names + "'");
        }
        return new ArrayList<>(out);
    }

    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(displayName, PROVIDER);
            generator.initialize(this == ML_DSA_44
                    ? org.bouncycastle.jcajce.spec.MLDSAParameterSpec.ml_dsa_44
                    : new org.bouncycastle.jcajce.spec.EdDSAParameterSpec("Ed25519"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle cannot generate " + displayName, e);
        }
    }

    byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance(displayName, PROVIDER);
            // A random source makes ML-DSA signing hedged (FIPS 204 §3.4); Ed25519 ignores it.
            signature.initSign(key, RANDOM);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(displayName + " signing failed", e);
        }
    }

    boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(displayName, PROVIDER);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
