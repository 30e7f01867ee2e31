package dev.root24.worm;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes the chain's keys as PEM: private keys as PKCS#8 ({@code PRIVATE KEY}), public
 * keys as SubjectPublicKeyInfo ({@code PUBLIC KEY}). One file may hold several blocks, e.g. an
 * ML-DSA-44 and an Ed25519 key for dual signing.
 *
 * <p>Every error is one line naming the source. Messages never quote the input, and causes from
 * parsing private keys are dropped, so no key material can reach a log.
 */
public final class PemKeys {

    /** The environment variable holding a PEM private key, for CI secrets. */
    public static final String SIGNING_KEY_ENV = "ROOT24_SIGNING_KEY";

    private static final int MAX_PEM_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PemKeys() {
    }

    /** The key files {@link #writeKeyPairs} wrote, and the ids of the keys in them. */
    public record KeyPairFiles(Path privateKeyFile, Path publicKeyFile, List<TrustedKey> publicKeys) {
    }

    /**
     * The signing keys configured for a build: from {@code keyFile} when given, else from the
     * {@value #SIGNING_KEY_ENV} environment variable when set, else none (entries are unsigned).
     */
    public static List<SigningKey> loadSigningKeys(Optional<Path> keyFile, Map<String, String> environment)
            throws WormException {
        if (keyFile.isPresent()) {
            return readPrivateKeys(keyFile.get());
        }
        String text = environment.get(SIGNING_KEY_ENV);
        if (text != null && !text.isBlank()) {
            return parsePrivateKeys(text, "environment variable " + SIGNING_KEY_ENV);
        }
        return List.of();
    }

    public static List<SigningKey> readPrivateKeys(Path file) throws WormException {
        return parsePrivateKeys(readText(file), file.toString());
    }

    public static List<TrustedKey> readPublicKeys(Path file) throws WormException {
        return parsePublicKeys(readText(file), file.toString());
    }

    /** Parses one or more PKCS#8 private keys; {@code source} names the input in messages. */
    public static List<SigningKey> parsePrivateKeys(String pem, String source) throws WormException {
        List<SigningKey> keys = new ArrayList<>();
        for (Object block : readBlocks(pem, source)) {
            if (block instanceof PrivateKeyInfo info) {
                keys.add(toSigningKey(info, source));
            } else if (block instanceof SubjectPublicKeyInfo || block instanceof X509CertificateHolder) {
                throw new WormException(source + ": holds a public key or certificate where a private key"
                        + " (PEM 'PRIVATE KEY', PKCS#8) is expected");
            } else if (block instanceof PEMEncryptedKeyPair || block instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new WormException(source + ": holds an encrypted private key; root24 reads unencrypted"
                        + " PKCS#8 only (protect it with file permissions or a CI secret)");
            } else if (block instanceof PEMKeyPair) {
                throw new WormException(source + ": holds a legacy (non-PKCS#8) private key; expected"
                        + " 'BEGIN PRIVATE KEY' with ML-DSA-44 or Ed25519");
            } else {
                throw new WormException(source + ": holds a PEM block that is not a private key");
            }
        }
        return keys;
    }

    /** Parses one or more SubjectPublicKeyInfo public keys. */
    public static List<TrustedKey> parsePublicKeys(String pem, String source) throws WormException {
        List<TrustedKey> keys = new ArrayList<>();
        for (Object block : readBlocks(pem, source)) {
            if (block instanceof SubjectPublicKeyInfo info) {
                SignatureAlgorithm algorithm = algorithmOf(info.getAlgorithm().getAlgorithm(), source);
                try {
                    PublicKey key = KeyFactory.getInstance(algorithm.displayName(), SignatureAlgorithm.PROVIDER)
                            .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
                    keys.add(new TrustedKey(algorithm, key, KeyId.of(key)));
                } catch (GeneralSecurityException | IOException | RuntimeException e) {
                    throw new WormException(source + ": the " + algorithm.displayName() + " public key is malformed");
                }
            } else if (block instanceof PrivateKeyInfo) {
                // Never trust a private key file as a public one: it would mean the secret was shipped.
                throw new WormException(source + ": holds a private key where a public key (PEM 'PUBLIC KEY')"
                        + " is expected; give verifiers the .pub.pem file only");
            } else {
                throw new WormException(source + ": holds a PEM block that is not a public key");
            }
        }
        return keys;
    }

    /**
     * Generates one key pair per algorithm and writes {@code <name>.key.pem} (all private keys,
     * created with mode 600 before any byte is written) and {@code <name>.pub.pem} into {@code dir}.
     * Existing files are never replaced.
     */
    public static KeyPairFiles writeKeyPairs(Path dir, String name, List<SignatureAlgorithm> algorithms)
            throws WormException {
        Path privateFile = dir.resolve(name + ".key.pem");
        Path publicFile = dir.resolve(name + ".pub.pem");
        for (Path p : List.of(privateFile, publicFile)) {
            if (Files.exists(p)) {
                throw new WormException(p + ": already exists; root24 never replaces a key file");
            }
        }
        StringWriter privatePem = new StringWriter();
        StringWriter publicPem = new StringWriter();
        List<TrustedKey> published = new ArrayList<>();
        try (PemWriter privateWriter = new PemWriter(privatePem); PemWriter publicWriter = new PemWriter(publicPem)) {
            for (SignatureAlgorithm algorithm : algorithms) {
                KeyPair pair = algorithm.generateKeyPair();
                privateWriter.writeObject(new PemObject("PRIVATE KEY", interoperablePkcs8(pair.getPrivate())));
                publicWriter.writeObject(new PemObject("PUBLIC KEY", pair.getPublic().getEncoded()));
                published.add(new TrustedKey(algorithm, pair.getPublic(), KeyId.of(pair.getPublic())));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        try {
            Files.createDirectories(dir);
            createOwnerOnly(privateFile);
            Files.write(privateFile, privatePem.toString().getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.write(publicFile, publicPem.toString().getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (FileAlreadyExistsException e) {
            throw new WormException(e.getFile() + ": already exists; root24 never replaces a key file");
        } catch (IOException e) {
            throw new WormException(dir + ": cannot write key files (" + e.getClass().getSimpleName() + ")");
        }
        return new KeyPairFiles(privateFile, publicFile, List.copyOf(published));
    }

    /**
     * The PKCS#8 form other tools read: Ed25519 as version 0 without the embedded public key (RFC
     * 8410 §7; OpenSSL 3.0, Node 20 and pyca reject Bouncy Castle's v1 with it), ML-DSA-44 as the
     * seed-only form of RFC 9881 (pyca rejects the "both" form). Every form is still read.
     */
    static byte[] interoperablePkcs8(PrivateKey key) {
        try {
            if (key instanceof MLDSAPrivateKey ml) {
                return ml.getPrivateKey(true).getEncoded();
            }
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            return new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey()).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a freshly generated key cannot fail", e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    private static String readText(Path file) throws WormException {
        try {
            if (Files.isDirectory(file)) {
                throw new WormException(file + ": is a directory, expected a PEM key file");
            }
            // A key path named on purpose may be a link; a FIFO or device would hang or never end.
            byte[] bytes = RegularFile.readFollowingLinks(file, MAX_PEM_BYTES);
            return StandardCharsets.US_ASCII.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (RegularFile.Refused e) {
            throw new WormException(file + ": " + e.getMessage() + ", expected a PEM key file");
        } catch (NoSuchFileException e) {
            throw new WormException(file + ": key file not found");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WormException(file + ": not a PEM key file (non-ASCII content)");
        } catch (IOException e) {
            throw new WormException(file + ": cannot read key file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Object> readBlocks(String pem, String source) throws WormException {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object block;
            while ((block = parser.readObject()) != null) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new WormException(source + ": truncated or malformed PEM (a key block is incomplete or its"
                    + " base64 body is damaged)");
        }
        if (blocks.isEmpty()) {
            throw new WormException(source + ": no PEM key block found (expected '-----BEGIN ...-----')");
        }
        return blocks;
    }

    private static SigningKey toSigningKey(PrivateKeyInfo info, String source) throws WormException {
        SignatureAlgorithm algorithm = algorithmOf(info.getPrivateKeyAlgorithm().getAlgorithm(), source);
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(algorithm.displayName(), SignatureAlgorithm.PROVIDER)
                    .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new WormException(source + ": the " + algorithm.displayName() + " private key is malformed");
        }
        PublicKey publicKey;
        if (key instanceof MLDSAPrivateKey ml) {
            publicKey = ml.getPublicKey();
        } else if (key instanceof EdDSAPrivateKey ed) {
            publicKey = ed.getPublicKey();
        } else {
            throw new WormException(source + ": cannot derive the public key of this " + algorithm.displayName() + " key");
        }
        return new SigningKey(algorithm, key, publicKey);
    }

    private static SignatureAlgorithm algorithmOf(ASN1ObjectIdentifier oid, String source) throws WormException {
        SignatureAlgorithm algorithm = SignatureAlgorithm.forOid(oid);
        if (algorithm == null) {
            throw new WormException(source + ": unsupported key type " + describe(oid)
                    + " (expected ML-DSA-44 or Ed25519)");
        }
        return algorithm;
    }

    private static String describe(ASN1ObjectIdentifier oid) {
        return switch (oid.getId()) {
            case "1.2.840.113549.1.1.1" -> "RSA";
            case "1.2.840.10045.2.1" -> "EC (ECDSA)";
            case "1.3.101.110" -> "X25519";
            case "1.3.101.113" -> "Ed448";
            case "1.2.840.10040.4.1" -> "DSA";
            default -> "with OID " + oid.getId();
        };
    }
}
