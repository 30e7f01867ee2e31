package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemKeysTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ML-DSA-44", "Ed25519", "ML-DSA-44,Ed25519"})
    void generatedKeysLoadBackSignAndVerify(String algorithms) throws Exception {
        List<SignatureAlgorithm> algs = SignatureAlgorithm.parseList(algorithms);
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "root24-signing", algs);

        assertThat(Files.getPosixFilePermissions(files.privateKeyFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(files.privateKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(files.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----");

        List<SigningKey> keys = PemKeys.readPrivateKeys(files.privateKeyFile());
        List<TrustedKey> pubs = PemKeys.readPublicKeys(files.publicKeyFile());
        assertThat(keys).extracting(SigningKey::keyId).containsExactlyElementsOf(
                files.publicKeys().stream().map(TrustedKey::keyId).toList());
        assertThat(pubs).extracting(TrustedKey::keyId).containsExactlyElementsOf(
                keys.stream().map(SigningKey::keyId).toList());
        assertThat(pubs.get(0).keyId()).isEqualTo(DigestAlgorithm.SHA_256.hex(pubs.get(0).publicKey().getEncoded()));

        Signer signer = Signer.of(keys, algs, files.privateKeyFile().toString());
        Path store = dir.resolve("store");
        Chains.build(store, 2, signer);
        assertThat(new ChainVerifier(pubs, null, java.util.Set.of()).verify(store).outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void keyFromTheEnvironmentVariable() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));
        String pem = Files.readString(files.privateKeyFile());

        List<SigningKey> keys = PemKeys.loadSigningKeys(Optional.empty(), Map.of("ROOT24_SIGNING_KEY", pem));
        assertThat(keys).singleElement().satisfies(k -> assertThat(k.keyId()).isEqualTo(files.publicKeys().get(0).keyId()));
        assertThat(PemKeys.loadSigningKeys(Optional.empty(), Map.of())).isEmpty();

        assertThatThrownBy(() -> PemKeys.loadSigningKeys(Optional.empty(), Map.of("ROOT24_SIGNING_KEY", "garbage")))
                .hasMessage("environment variable ROOT24_SIGNING_KEY: no PEM key block found (expected '-----BEGIN ...-----')");
    }

    @Test
    void wrongKeyTypeNamesFileAndType() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path file = dir.resolve("rsa.pem");
        Files.writeString(file, pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> PemKeys.readPrivateKeys(file)).isInstanceOf(WormException.class)
                .hasMessage(file + ": unsupported key type RSA (expected ML-DSA-44 or Ed25519)");
    }

    @Test
    void truncatedPemNamesTheFileAndLeaksNothing() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ML_DSA_44));
        String pem = Files.readString(files.privateKeyFile());
        Path cut = dir.resolve("cut.pem");
        Files.writeString(cut, pem.substring(0, pem.length() / 2));

        assertThatThrownBy(() -> PemKeys.readPrivateKeys(cut)).isInstanceOf(WormException.class)
                .hasMessageStartingWith(cut + ": truncated or malformed PEM")
                .hasNoCause()
                .satisfies(e -> assertNoKeyMaterial(e.getMessage(), pem));

        Path damaged = dir.resolve("damaged.pem");
        String[] lines = pem.split("\n");
        Files.writeString(damaged, lines[0] + "\n" + lines[1].substring(0, 40) + "\n" + lines[lines.length - 1] + "\n");
        assertThatThrownBy(() -> PemKeys.readPrivateKeys(damaged)).hasMessageStartingWith(damaged + ": ");
    }

    @Test
    void publicKeyWhereAPrivateOneIsExpectedAndViceVersa() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));

        assertThatThrownBy(() -> PemKeys.readPrivateKeys(files.publicKeyFile()))
                .hasMessage(files.publicKeyFile() + ": holds a public key or certificate where a private key"
                        + " (PEM 'PRIVATE KEY', PKCS#8) is expected");
        assertThatThrownBy(() -> PemKeys.readPublicKeys(files.privateKeyFile()))
                .hasMessageStartingWith(files.privateKeyFile() + ": holds a private key where a public key");
    }

    @Test
    void missingKeyAndMissingAlgorithmAreClear() throws Exception {
        Path nowhere = dir.resolve("none.pem");
        assertThatThrownBy(() -> PemKeys.readPrivateKeys(nowhere)).hasMessage(nowhere + ": key file not found");

        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));
        List<SigningKey> keys = PemKeys.readPrivateKeys(files.privateKeyFile());
        assertThatThrownBy(() -> Signer.of(keys, List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519), "k.key.pem"))
                .hasMessage("k.key.pem: signatureAlgorithms requires ML-DSA-44 but the key source holds only Ed25519");
    }

    @Test
    void configuredSignerComesFromFileThenEnvironmentAndNeverSilentlyUnsigned() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519));
        String pem = Files.readString(files.privateKeyFile());
        List<SignatureAlgorithm> both = List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);

        assertThat(Signer.configured(Optional.of(files.privateKeyFile()), Map.of(), both).keys()).hasSize(2);
        assertThat(Signer.configured(Optional.empty(), Map.of("ROOT24_SIGNING_KEY", pem), List.of()).keys()).hasSize(2);
        assertThat(Signer.configured(Optional.empty(), Map.of(), List.of()).isSigned()).isFalse();
        assertThatThrownBy(() -> Signer.configured(Optional.empty(), Map.of(), both))
                .hasMessage("signatureAlgorithms requires ML-DSA-44, Ed25519 but no signing key is configured"
                        + " (set signingKey or ROOT24_SIGNING_KEY)");
    }

    @Test
    void existingKeyFilesAreNeverReplaced() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519));
        String before = Files.readString(files.privateKeyFile());

        assertThatThrownBy(() -> PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ED25519)))
                .hasMessageContaining("already exists");
        assertThat(Files.readString(files.privateKeyFile())).isEqualTo(before);
    }

    @Test
    void signingKeyNeverRendersItsSecret() throws Exception {
        PemKeys.KeyPairFiles files = PemKeys.writeKeyPairs(dir, "k", List.of(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519));
        String pem = Files.readString(files.privateKeyFile());
        List<SigningKey> keys = PemKeys.readPrivateKeys(files.privateKeyFile());
        Signer signer = Signer.of(keys, List.of(), "k");

        assertNoKeyMaterial(keys.toString() + signer, pem);
        assertThat(keys.get(0).toString()).isEqualTo("ML-DSA-44 signing key " + keys.get(0).keyId());
    }

    private static void assertNoKeyMaterial(String text, String pem) {
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                for (int i = 0; i + 16 <= line.length(); i += 8) {
                    assertThat(text).doesNotContain(line.substring(i, i + 16));
                }
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
