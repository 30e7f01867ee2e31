package dev.root24.worm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.RepositoryRoot;

/**
 * Everything certify needs for the WORM chain, read and checked before anything runs: where the
 * store is, who signs, whose signatures count, which checkpoint the chain must extend, and which
 * evidence files phase 3 requires. Key material stays inside {@link Signer}; nothing here prints it.
 *
 * @param store the chain's directory (an absolute configured path may lie outside the repository)
 * @param storeInRepository the store relative to the repository root, or null when it lies outside
 * @param signer this run's signer (unsigned when no key is configured)
 * @param trustedKeys the public keys whose signatures count
 * @param trustedCheckpoint a checkpoint the chain must extend, or null
 * @param algorithms the signatures required of every entry (empty: those of the trusted keys)
 * @param evidence repository-relative files phase 3 requires
 */
public record WormSettings(Path store, String storeInRepository, Signer signer, List<TrustedKey> trustedKeys,
        Checkpoint trustedCheckpoint, Set<SignatureAlgorithm> algorithms, List<String> evidence) {

    public WormSettings {
        trustedKeys = List.copyOf(trustedKeys);
        algorithms = algorithms.isEmpty() ? Set.of() : Set.copyOf(algorithms);
        evidence = List.copyOf(evidence);
    }

    /**
     * @param section the effective policy's {@code worm:} section (inline parameters already laid over it), or null
     * @param defaultStore where the chain lives when no store is configured ({@code target/root24/worm})
     * @param signingKey a PEM file with the private key(s), else {@code ROOT24_SIGNING_KEY} is read from {@code environment}
     */
    public static WormSettings from(PolicyDocument.Worm section, RepositoryRoot root, Path defaultStore,
            Optional<Path> signingKey, Map<String, String> environment) throws PolicyException {
        PolicyDocument.Worm worm = section == null ? new PolicyDocument.Worm(null, null, null, null, null) : section;
        try {
            // An absolute store may lie outside the repository (a shared drive keeps one chain for
            // many clones); a relative one must stay inside it.
            Path store = worm.store() == null ? defaultStore
                    : Path.of(worm.store()).isAbsolute() ? Path.of(worm.store())
                    : root.resolve(worm.store(), "wormStore");
            Path absoluteStore = store.toAbsolutePath().normalize();
            String inRepository = absoluteStore.startsWith(root.directory()) ? root.relativize(absoluteStore) : null;
            List<SignatureAlgorithm> requested = worm.signatureAlgorithms() == null ? List.of()
                    : SignatureAlgorithm.parseList(String.join(",", worm.signatureAlgorithms()));
            Signer signer = Signer.configured(signingKey, environment, requested);
            List<TrustedKey> trusted = new ArrayList<>();
            for (String file : worm.trustedKeys() == null ? List.<String>of() : worm.trustedKeys()) {
                trusted.addAll(PemKeys.readPublicKeys(root.resolve(file, "trustedKeys")));
            }
            Checkpoint checkpoint = null;
            if (worm.trustedCheckpoint() != null) {
                Path file = root.resolve(worm.trustedCheckpoint(), "trustedCheckpoint");
                checkpoint = Checkpoint.parse(read(file, worm.trustedCheckpoint()), worm.trustedCheckpoint());
            }
            Set<SignatureAlgorithm> algorithms = requested.isEmpty() ? Set.of() : EnumSet.copyOf(requested);
            return new WormSettings(absoluteStore, inRepository, signer, trusted, checkpoint, algorithms,
                    worm.evidence() == null ? List.of() : worm.evidence());
        } catch (WormException e) {
            throw new PolicyException(e.getMessage());
        }
    }

    /** Whether this run signs, and only with keys that are trusted. */
    public boolean signsWithTrustedKeys() {
        Set<String> trustedIds = trustedKeys.stream().map(TrustedKey::keyId).collect(Collectors.toSet());
        return signer.isSigned() && signer.keys().stream().allMatch(k -> trustedIds.contains(k.keyId()));
    }

    private static byte[] read(Path file, String display) throws PolicyException {
        try {
            return RegularFile.readFollowingLinks(file, Checkpoint.MAX_BYTES);
        } catch (RegularFile.Refused e) {
            throw new PolicyException(display + ": " + e.getMessage());
        } catch (IOException e) {
            throw new PolicyException(display + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
