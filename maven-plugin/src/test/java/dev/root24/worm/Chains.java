package dev.root24.worm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds records, signers and chains for tests. */
final class Chains {
    private Chains() {
    }

    static CertificationRecord record(int n) {
        String report = "{\"summary\":{\"overall_score\":" + (60 + n % 40) + ",\"run\":" + n + ",\"note\":\"\u2714 ok\"}}";
        return new CertificationRecord("dev.root24:example", n % 2 == 0 ? "0123456789abcdef0123456789abcdef01234567" : null,
                report.getBytes(StandardCharsets.UTF_8), 60 + n % 40, "BRONZE",
                Map.of("static_analysis", 52, "dynamic_execution", 100, "audit_proof", 91), "sha256:abc", "0.1.0-test");
    }

    static Signer signer(SignatureAlgorithm... algorithms) {
        List<SigningKey> keys = Stream.of(algorithms).map(Chains::generate).toList();
        try {
            return Signer.of(keys, List.of(algorithms), "test keys");
        } catch (WormException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey generate(SignatureAlgorithm algorithm) {
        var pair = algorithm.generateKeyPair();
        return new SigningKey(algorithm, pair.getPrivate(), pair.getPublic());
    }

    static List<TrustedKey> trusted(Signer signer) {
        return signer.keys().stream().map(SigningKey::trusted).toList();
    }

    static WormStore fastStore(Path dir) throws WormException {
        return WormStore.open(dir, WormStore.Durability.NO_FSYNC, Clock.systemUTC());
    }

    static void build(Path dir, int entries, Signer signer) throws WormException {
        WormStore store = fastStore(dir);
        for (int i = 0; i < entries; i++) {
            store.append(record(i), signer);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p)) {
                    Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path entry(Path store, long index) {
        return store.resolve(WormStore.entryFileName(index));
    }
}
