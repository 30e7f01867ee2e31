package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, item 16: keygen's private keys must load in standard tooling, not only in Bouncy Castle. */
class KeyInteropTest {

    @TempDir
    Path dir;

    private PrivateKeyInfo written(SignatureAlgorithm algorithm) throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(algorithm));
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(files.privateKeyFile())))) {
            return (PrivateKeyInfo) parser.readObject();
        }
    }

    @Test
    void ed25519IsWrittenAsPkcs8VersionZeroWithoutThePublicKey() throws Exception {
        PrivateKeyInfo info = written(SignatureAlgorithm.ED25519);
        assertThat(info.getVersion().intValueExact()).isZero();
        assertThat(info.hasPublicKey()).isFalse();
        assertThat(ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets()).hasSize(32);
    }

    @Test
    void mlDsa44IsWrittenInTheSeedOnlyForm() throws Exception {
        PrivateKeyInfo info = written(SignatureAlgorithm.ML_DSA_44);
        ASN1TaggedObject seed = ASN1TaggedObject.getInstance(info.parsePrivateKey());
        assertThat(seed.getTagNo()).isZero();
        assertThat(ASN1OctetString.getInstance(seed, false).getOctets()).hasSize(32);
    }

    @Test
    void writtenKeysStillLoadAndSignForTheirPublicKeys() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "both",
                List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519));
        List<SigningKey> keys = PemKeys.readPrivateKeys(files.privateKeyFile());
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < 2; k++) {
            assertThat(keys.get(k).keyId()).isEqualTo(files.publicKeys().get(k).keyId());
            assertThat(files.publicKeys().get(k).verify(message, keys.get(k).sign(message))).isTrue();
        }
    }

    @Test
    void opensslDerivesTheSamePublicKeyFromTheEd25519PrivateKey() throws Exception {
        assumeTrue(runs("openssl", "version"), "openssl is not installed");
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));
        Path derived = dir.resolve("derived.pub.pem");
        Process p = new ProcessBuilder("openssl", "pkey", "-in", files.privateKeyFile().toString(), "-pubout",
                "-out", derived.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(PemKeys.readPublicKeys(derived).get(0).keyId()).isEqualTo(files.publicKeys().get(0).keyId());
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
