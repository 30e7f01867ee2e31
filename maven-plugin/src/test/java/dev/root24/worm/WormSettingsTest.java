package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WormSettingsTest {

    @TempDir
    Path dir;

    private WormSettings settings(PolicyDocument.Worm worm, Optional<Path> key) throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(dir);
        return WormSettings.from(worm, root, root.directory().resolve("target/root24/worm"), key, Map.of());
    }

    @Test
    void defaultsAreAnUnsignedStoreUnderTarget() throws Exception {
        WormSettings worm = settings(null, Optional.empty());

        assertThat(worm.storeInRepository()).isEqualTo("target/root24/worm");
        assertThat(worm.signer().isSigned()).isFalse();
        assertThat(worm.trustedKeys()).isEmpty();
        assertThat(worm.signsWithTrustedKeys()).isFalse();
    }

    @Test
    void signerIsTrustedOnlyWhenItsKeysAreAmongTheTrustedOnes() throws Exception {
        var mine = PemKeys.writeKeyPairs(dir.resolve("keys"), "mine", List.of(SignatureAlgorithm.ED25519));
        var other = PemKeys.writeKeyPairs(dir.resolve("keys"), "other", List.of(SignatureAlgorithm.ED25519));

        WormSettings trusted = settings(new PolicyDocument.Worm(".audit/worm", List.of("Ed25519"),
                List.of(dir.relativize(mine.publicKeyFile()).toString()), null, List.of()), Optional.of(mine.privateKeyFile()));
        WormSettings untrusted = settings(new PolicyDocument.Worm(null, null,
                List.of(dir.relativize(other.publicKeyFile()).toString()), null, null), Optional.of(mine.privateKeyFile()));

        assertThat(trusted.signsWithTrustedKeys()).isTrue();
        assertThat(trusted.storeInRepository()).isEqualTo(".audit/worm");
        assertThat(untrusted.signer().isSigned()).isTrue();
        assertThat(untrusted.signsWithTrustedKeys()).isFalse();
    }

    @Test
    void algorithmsWithoutAKeyAreRefusedRatherThanWritingUnsignedEntries() {
        assertThatThrownBy(() -> settings(new PolicyDocument.Worm(null, List.of("ML-DSA-44"), null, null, null),
                Optional.empty()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("no signing key is configured");
    }

    @Test
    void missingTrustedKeyFileIsNamed() {
        assertThatThrownBy(() -> settings(new PolicyDocument.Worm(null, null, List.of("keys/none.pub.pem"), null, null),
                Optional.empty()))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("none.pub.pem");
    }

    @Test
    void storeOutsideTheRepositoryIsRefused() {
        assertThatThrownBy(() -> settings(new PolicyDocument.Worm("../elsewhere", null, null, null, null), Optional.empty()))
                .hasMessageStartingWith("wormStore '../elsewhere' is outside the repository root");
    }

    @Test
    void anAbsoluteStoreMayLieOnASharedDrive(@TempDir Path shared) throws Exception {
        WormSettings worm = settings(new PolicyDocument.Worm(shared.toString(), null, null, null, null), Optional.empty());

        assertThat(worm.store()).isEqualTo(shared.toAbsolutePath().normalize());
        assertThat(worm.storeInRepository()).isNull();
    }

    @Test
    void brokenCheckpointIsAOneLineError() throws Exception {
        Files.writeString(dir.resolve("cp"), "not a checkpoint");
        assertThatThrownBy(() -> settings(new PolicyDocument.Worm(null, null, null, "cp", null), Optional.empty()))
                .isInstanceOf(PolicyException.class)
                .hasMessageNotContaining("\n");
    }
}
