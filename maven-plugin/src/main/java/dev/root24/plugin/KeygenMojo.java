package dev.root24.plugin;

import java.io.File;
import java.util.List;

import dev.root24.worm.PemKeys;
import dev.root24.worm.SignatureAlgorithm;
import dev.root24.worm.TrustedKey;
import dev.root24.worm.WormException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates a signing key pair for the WORM chain: {@code <keyName>.key.pem} (PKCS#8, created with
 * file mode 600) and {@code <keyName>.pub.pem} (SubjectPublicKeyInfo), one PEM block per algorithm,
 * and prints each key id (SHA-256 of the public key). Existing files are never replaced.
 *
 * <p>Give the private file to {@code certify} as {@code <signingKey>} or as the CI secret
 * {@code ROOT24_SIGNING_KEY}; give the public file to {@code verify-chain} as {@code <trustedKeys>}.
 */
@Mojo(name = "keygen", requiresProject = false, threadSafe = true)
public final class KeygenMojo extends AbstractMojo {

    /**
     * The algorithms to generate keys for, comma-separated: {@code ML-DSA-44}, {@code Ed25519}, or
     * both (the default), in which case every entry carries both signatures.
     */
    @Parameter(property = "root24.signatureAlgorithms", defaultValue = "ML-DSA-44,Ed25519")
    private String algorithms;

    /**
     * Where the key files go. Default {@code ~/.root24}: outside any repository, so the private key
     * is not committed by accident and survives {@code mvn clean}.
     */
    @Parameter(property = "root24.keyDirectory", defaultValue = "${user.home}/.root24")
    private File keyDirectory;

    /** The base name of the two files. Default {@code root24-signing}. */
    @Parameter(property = "root24.keyName", defaultValue = "root24-signing")
    private String keyName;

    @Override
    public void execute() throws MojoExecutionException {
        if (!keyName.matches("[A-Za-z0-9._-]+")) {
            throw new MojoExecutionException("keyName '" + keyName + "' may contain only letters, digits, '.', '_' and '-'");
        }
        try {
            List<SignatureAlgorithm> algs = SignatureAlgorithm.parseList(algorithms);
            PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(keyDirectory.toPath(), keyName, algs);
            for (TrustedKey key : files.publicKeys()) {
                getLog().info("root24: " + key.algorithm().displayName() + " key id " + key.keyId());
            }
            getLog().info("root24: private key " + files.privateKeyFile() + " (mode 600; keep it secret, e.g. as the"
                    + " CI secret " + PemKeys.SIGNING_KEY_ENV + ")");
            getLog().info("root24: public key  " + files.publicKeyFile() + " (give it to verify-chain as trustedKeys)");
        } catch (WormException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "root24:keygen " + algorithms + " -> " + keyDirectory + "/" + keyName;
    }
}
