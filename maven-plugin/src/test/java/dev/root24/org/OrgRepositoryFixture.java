package dev.root24.org;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.root24.worm.CertificationClaims;
import dev.root24.worm.CertificationRecord;
import dev.root24.worm.PemKeys;
import dev.root24.worm.RepositoryChainStore;
import dev.root24.worm.Signer;

/** A file repository that projects deploy certifications to, as {@code certify} + {@code mvn deploy} would. */
final class OrgRepositoryFixture {

    static final String ORG_POLICY = "a".repeat(64);

    final Path root;
    final FileRepository repository;

    OrgRepositoryFixture(Path root) {
        this.root = root;
        this.repository = new FileRepository(root);
    }

    static Signer signer(PemKeys.KeyPairFiles keys) throws Exception {
        return Signer.of(PemKeys.readPrivateKeys(keys.privateKeyFile()), List.of(), keys.privateKeyFile().toString());
    }

    static CertificationRecord record(ProjectCoordinates p, String version, String tier, int score) {
        CertificationClaims claims = new CertificationClaims(p + ":" + version, false,
                new CertificationClaims.Policy("classpath:root24/acme-policy.yaml", "com.acme:acme-root24-policy:1.0.0",
                        ORG_POLICY, "b".repeat(64), List.of("scoring")),
                List.of(), List.of(), List.of());
        return new CertificationRecord(p.toString(), null, "{}".getBytes(StandardCharsets.UTF_8), score, tier,
                Map.of("static_analysis", score, "dynamic_execution", score, "audit_proof", score),
                "sha256:" + "b".repeat(64), "test", claims);
    }

    Path file(ProjectCoordinates p, String version) {
        return root.resolve(p.groupId().replace('.', '/')).resolve(p.artifactId()).resolve(version)
                .resolve(p.artifactId() + "-" + version + "-root24-certification.dsse.json");
    }

    RepositoryChainStore chain(ProjectCoordinates p) throws Exception {
        return repository.chain(p, Clock.systemUTC());
    }

    /** Builds the next entry from what is deployed now, and deploys it. */
    byte[] deploy(ProjectCoordinates p, String version, Signer signer, String tier, int score) throws Exception {
        return deploy(chain(p), p, version, signer, tier, score);
    }

    byte[] deploy(RepositoryChainStore from, ProjectCoordinates p, String version, Signer signer, String tier, int score)
            throws Exception {
        byte[] envelope = from.append(record(p, version, tier, score), signer).envelope();
        put(p, version, envelope);
        return envelope;
    }

    void put(ProjectCoordinates p, String version, byte[] bytes) throws Exception {
        Path f = file(p, version);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }
}
