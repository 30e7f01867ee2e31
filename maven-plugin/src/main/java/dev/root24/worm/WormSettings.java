package dev.root24.worm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.root24.policy.ClasspathResource;
import dev.root24.policy.PolicyDocument;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.SettingSource;
import dev.root24.policy.RepositoryRoot;

/**
 * Everything certify needs for the WORM chain, read and checked before anything runs: where the
 * store is, who signs, whose signatures count, which checkpoint the chain must extend, and which
 * evidence files phase 3 requires. Key material stays inside {@link Signer}; nothing here prints it.
 *
 * <p>Only the organisation decides whose signatures count: a trusted key counts when the
 * organisation's policy artifact names it as inline PEM or as a {@code classpath:} resource. A key
 * the repository supplies (a key file in the repository, or a key named by the POM, a {@code -D}
 * property or a team policy file) would let a team trust the key it signs with, so it is left out
 * and said so in {@link #ignoredKeys()}.
 *
 * @param store the chain's directory (an absolute configured path may lie outside the repository)
 * @param storeInRepository the store relative to the repository root, or null when it lies outside
 * @param signer this run's signer (unsigned when no key is configured)
 * @param trustedKeys the organisation's public keys: the only signatures that count
 * @param trustedCheckpoint a checkpoint the chain must extend, or null
 * @param algorithms the signatures required of every entry (empty: those of the trusted keys)
 * @param evidence files phase 3 requires
 * @param ignoredKeys one line per configured key that does not count, saying why
 * @param repositoryChain whether the chain continues from the certifications deployed to a repository
 *                        ({@code worm.chainStore: repository}) rather than from {@code store}
 * @param chainRepository the URL of that repository, or null for the build's repositories
 */
public record WormSettings(Path store, String storeInRepository, Signer signer, List<TrustedKey> trustedKeys,
        Checkpoint trustedCheckpoint, Set<SignatureAlgorithm> algorithms, List<PolicyDocument.Evidence> evidence,
        List<String> ignoredKeys, boolean repositoryChain, String chainRepository) {

    /** Key and checkpoint resources are small; a larger one is refused rather than read. */
    static final int MAX_RESOURCE_BYTES = 64 * 1024;

    public WormSettings {
        trustedKeys = List.copyOf(trustedKeys);
        algorithms = algorithms.isEmpty() ? Set.of() : Set.copyOf(algorithms);
        evidence = List.copyOf(evidence);
        ignoredKeys = List.copyOf(ignoredKeys);
    }

    /** Settings whose trusted keys, if any, the repository supplied (tests, and builds without a policy artifact). */
    public static WormSettings from(PolicyDocument.Worm section, RepositoryRoot root, Path defaultStore,
            Optional<Path> signingKey, Map<String, String> environment) throws PolicyException {
        return from(section, root, defaultStore, signingKey, environment, WormSettings.class.getClassLoader(), null);
    }

    /**
     * @param section the effective policy's {@code worm:} section (inline parameters already laid over it), or null
     * @param defaultStore where the chain lives when no store is configured ({@code target/root24/worm})
     * @param signingKey a PEM file with the private key(s), else {@code ROOT24_SIGNING_KEY} is read from {@code environment}
     * @param resources where {@code classpath:} keys and checkpoints are read (the plugin's realm)
     * @param trustedKeysSource where {@code worm.trustedKeys} came from, or null when unknown
     */
    public static WormSettings from(PolicyDocument.Worm section, RepositoryRoot root, Path defaultStore,
            Optional<Path> signingKey, Map<String, String> environment, ClassLoader resources,
            SettingSource trustedKeysSource) throws PolicyException {
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
            boolean fromOrganisation = trustedKeysSource != null && trustedKeysSource.organisation();
            String who = trustedKeysSource == null ? "the build configuration" : trustedKeysSource.display();
            List<TrustedKey> trusted = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            List<String> configured = worm.trustedKeys() == null ? List.of() : worm.trustedKeys();
            for (int i = 0; i < configured.size(); i++) {
                String entry = configured.get(i).strip();
                String name = "worm.trustedKeys[" + i + "]";
                List<TrustedKey> keys;
                boolean repositoryFile = false;
                if (entry.startsWith("-----BEGIN")) {
                    keys = PemKeys.parsePublicKeys(entry, name + " (inline PEM)");
                } else if (entry.startsWith(PolicyLoader.CLASSPATH_PREFIX)) {
                    keys = PemKeys.parsePublicKeys(resource(resources, entry, name), entry);
                } else {
                    keys = PemKeys.readPublicKeys(root.resolve(entry, "trustedKeys"));
                    repositoryFile = true;
                }
                if (fromOrganisation && !repositoryFile) {
                    trusted.addAll(keys);
                } else {
                    String why = repositoryFile ? "is a file of the repository (" + entry + ")" : "is named by " + who;
                    for (TrustedKey key : keys) {
                        ignored.add(key + " " + why + ", not by the organisation's policy artifact: its signatures earn no audit points");
                    }
                }
            }
            Checkpoint checkpoint = null;
            if (worm.trustedCheckpoint() != null) {
                String location = worm.trustedCheckpoint().strip();
                checkpoint = location.startsWith(PolicyLoader.CLASSPATH_PREFIX)
                        ? Checkpoint.parse(resource(resources, location, "worm.trustedCheckpoint"), location)
                        : Checkpoint.parse(read(root.resolve(location, "trustedCheckpoint"), location), location);
            }
            Set<SignatureAlgorithm> algorithms = requested.isEmpty() ? Set.of() : EnumSet.copyOf(requested);
            String kind = worm.chainStore() == null ? "directory" : worm.chainStore().strip();
            if (!kind.equals("directory") && !kind.equals("repository")) {
                throw new PolicyException("worm.chainStore must be directory or repository");
            }
            String chainRepository = worm.chainRepository() == null || worm.chainRepository().isBlank() ? null
                    : worm.chainRepository().strip();
            return new WormSettings(absoluteStore, inRepository, signer, trusted, checkpoint, algorithms,
                    worm.evidence() == null ? List.of() : worm.evidence(), ignored, kind.equals("repository"), chainRepository);
        } catch (WormException e) {
            throw new PolicyException(e.getMessage());
        }
    }

    /** Whether this run signs, and only with keys that are trusted. */
    public boolean signsWithTrustedKeys() {
        Set<String> trustedIds = trustedKeys.stream().map(TrustedKey::keyId).collect(Collectors.toSet());
        return signer.isSigned() && signer.keys().stream().allMatch(k -> trustedIds.contains(k.keyId()));
    }

    /**
     * A small text resource of the plugin's classpath. Found in more than one jar, it is refused:
     * a team could otherwise shadow the organisation's key with a jar of its own.
     */
    static String resource(ClassLoader loader, String location, String what) throws PolicyException {
        String name = location.substring(PolicyLoader.CLASSPATH_PREFIX.length()).replaceFirst("^/+", "");
        return new String(ClasspathResource.readSingle(loader, name, MAX_RESOURCE_BYTES, what + ": " + location,
                "is not on the plugin's classpath (add the organisation's policy jar as a dependency of the plugin)").bytes(),
                StandardCharsets.UTF_8);
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
