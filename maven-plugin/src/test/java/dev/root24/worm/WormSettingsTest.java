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
import dev.root24.policy.SettingSource;
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

    private static final SettingSource ORGANISATION =
            new SettingSource.PolicyFile("classpath:root24/acme-policy.yaml", 12, "com.acme:policy:1.0", true);
    private static final SettingSource TEAM_POM = new SettingSource.PomParameter("<trustedKeys>", "com.acme:team:1.0");

    private WormSettings trusting(List<String> keys, Optional<Path> signingKey, ClassLoader resources, SettingSource source)
            throws PolicyException {
        RepositoryRoot root = RepositoryRoot.of(dir);
        return WormSettings.from(new PolicyDocument.Worm(null, null, keys, null, null), root,
                root.directory().resolve("target/root24/worm"), signingKey, Map.of(), resources, source);
    }

    @Test
    void only_keys_the_organisation_supplies_count() throws Exception {
        var org = PemKeys.writeKeyPairs(dir.resolve("org"), "org", List.of(SignatureAlgorithm.ED25519));
        String inlinePem = Files.readString(org.publicKeyFile());

        WormSettings trusted = trusting(List.of(inlinePem), Optional.of(org.privateKeyFile()), getClass().getClassLoader(),
                ORGANISATION);

        assertThat(trusted.trustedKeys()).hasSize(1);
        assertThat(trusted.signsWithTrustedKeys()).isTrue();
        assertThat(trusted.ignoredKeys()).isEmpty();
    }

    @Test
    void a_key_the_team_made_and_listed_itself_counts_for_nothing() throws Exception {
        // Gaming route: root24:keygen, commit the public key, list it in trustedKeys, sign with it.
        var mine = PemKeys.writeKeyPairs(dir.resolve("keys"), "mine", List.of(SignatureAlgorithm.ED25519));
        String file = dir.relativize(mine.publicKeyFile()).toString();

        WormSettings viaPom = trusting(List.of(file), Optional.of(mine.privateKeyFile()), getClass().getClassLoader(), TEAM_POM);
        WormSettings viaInlinePem = trusting(List.of(Files.readString(mine.publicKeyFile())), Optional.of(mine.privateKeyFile()),
                getClass().getClassLoader(), TEAM_POM);
        // Even the organisation's policy naming a repository file does not help: the team edits that file.
        WormSettings viaOrgNamedFile = trusting(List.of(file), Optional.of(mine.privateKeyFile()), getClass().getClassLoader(),
                ORGANISATION);

        for (WormSettings worm : List.of(viaPom, viaInlinePem, viaOrgNamedFile)) {
            assertThat(worm.signer().isSigned()).isTrue();
            assertThat(worm.trustedKeys()).isEmpty();
            assertThat(worm.signsWithTrustedKeys()).isFalse();
            assertThat(worm.ignoredKeys()).singleElement().asString().contains("earn no audit points");
        }
        assertThat(viaPom.ignoredKeys().get(0)).contains("is a file of the repository (" + file + ")");
        assertThat(viaInlinePem.ignoredKeys().get(0)).contains("is named by com.acme:team:1.0 <trustedKeys>");
    }

    @Test
    void a_classpath_key_counts_once_and_a_shadowing_copy_is_refused(@TempDir Path jarA, @TempDir Path jarB) throws Exception {
        var org = PemKeys.writeKeyPairs(dir.resolve("org"), "org", List.of(SignatureAlgorithm.ED25519));
        Files.createDirectories(jarA.resolve("root24"));
        Files.copy(org.publicKeyFile(), jarA.resolve("root24/org.pub.pem"));
        try (var one = new java.net.URLClassLoader(new java.net.URL[] {jarA.toUri().toURL()}, null)) {
            WormSettings worm = trusting(List.of("classpath:root24/org.pub.pem"), Optional.empty(), one, ORGANISATION);
            assertThat(worm.trustedKeys()).hasSize(1);
        }
        var mine = PemKeys.writeKeyPairs(dir.resolve("mine"), "mine", List.of(SignatureAlgorithm.ED25519));
        Files.createDirectories(jarB.resolve("root24"));
        Files.copy(mine.publicKeyFile(), jarB.resolve("root24/org.pub.pem"));
        try (var two = new java.net.URLClassLoader(new java.net.URL[] {jarB.toUri().toURL(), jarA.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> trusting(List.of("classpath:root24/org.pub.pem"), Optional.empty(), two, ORGANISATION))
                    .isInstanceOf(PolicyException.class)
                    .hasMessage("worm.trustedKeys[0]: classpath:root24/org.pub.pem is in 2 places on the plugin's classpath;"
                            + " refusing to guess which one is the organisation's");
        }
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

    @Test
    void theChainStoreIsADirectoryUnlessThePolicySaysRepository() throws Exception {
        assertThat(settings(new PolicyDocument.Worm(null, null, null, null, null), Optional.empty()).repositoryChain()).isFalse();
        WormSettings repository = settings(new PolicyDocument.Worm(null, null, null, null, null, "repository",
                " https://repo.example.com/releases/ "), Optional.empty());
        assertThat(repository.repositoryChain()).isTrue();
        assertThat(repository.chainRepository()).isEqualTo("https://repo.example.com/releases/");
        assertThatThrownBy(() -> settings(new PolicyDocument.Worm(null, null, null, null, null, "git", null), Optional.empty()))
                .isInstanceOf(PolicyException.class).hasMessage("worm.chainStore must be directory or repository");
    }
}
