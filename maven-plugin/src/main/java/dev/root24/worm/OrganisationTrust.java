package dev.root24.worm;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.root24.policy.EffectivePolicy;
import dev.root24.policy.InlineSettings;
import dev.root24.policy.PolicyException;
import dev.root24.policy.PolicyLoader;
import dev.root24.policy.RepositoryRoot;

/**
 * The organisation's policy and keys as a verifier reads them: from the policy artifact's jar
 * (or a policy file the auditor holds), never from the repository being judged.
 *
 * @param policy the organisation's policy, loaded with no inline settings
 * @param keys the public keys it names inline or as {@code classpath:} resources of its jar, plus
 *     those the auditor gave
 */
public record OrganisationTrust(EffectivePolicy policy, List<TrustedKey> keys) {

    public OrganisationTrust {
        keys = List.copyOf(keys);
    }

    /**
     * What the organisation requires of a certification: its keys, its policy, its locks, and the
     * tier and signatures the caller names, else those its policy names.
     *
     * @param requiredTier the lowest tier accepted, or null for the policy's {@code failBelow}, else NONE
     * @param signatureAlgorithms comma-separated required signatures, or null for the policy's
     *     {@code worm.signatureAlgorithms}, else any one
     * @param maxAge the oldest certification accepted, or null
     * @throws PolicyException when the organisation trusts no key, so nothing could be accepted
     */
    public CertificationVerifier.Requirements requirements(String requiredTier, String signatureAlgorithms,
            java.time.Duration maxAge, boolean allowDirty) throws PolicyException {
        var document = policy.document();
        dev.root24.score.Tier tier = requiredTier != null && !requiredTier.isBlank() ? dev.root24.score.Tier.parse(requiredTier)
                : document.failBelow() == null ? dev.root24.score.Tier.NONE : dev.root24.score.Tier.parse(document.failBelow());
        List<String> algorithmNames = signatureAlgorithms != null && !signatureAlgorithms.isBlank()
                ? List.of(signatureAlgorithms.split(","))
                : document.worm() == null || document.worm().signatureAlgorithms() == null ? List.of()
                : document.worm().signatureAlgorithms();
        java.util.EnumSet<SignatureAlgorithm> algorithms = java.util.EnumSet.noneOf(SignatureAlgorithm.class);
        if (!algorithmNames.isEmpty()) {
            try {
                algorithms.addAll(SignatureAlgorithm.parseList(String.join(",", algorithmNames)));
            } catch (WormException e) {
                throw new PolicyException(e.getMessage());
            }
        }
        if (keys.isEmpty()) {
            throw new PolicyException("the organisation's policy names no trusted keys (worm.trustedKeys) and none"
                    + " were given: nothing could be accepted");
        }
        return new CertificationVerifier.Requirements(keys, algorithms, policy.base().sha256(),
                document.locked() == null ? List.of() : document.locked(), tier, maxAge, allowDirty);
    }

    /**
     * @param location {@code classpath:path} inside {@code policyJar}, or a policy file
     * @param policyJar the organisation's policy jar, or null when {@code location} is a file
     * @param auditorKeys PEM files of further keys the auditor trusts
     * @throws PolicyException with a one-line message when anything cannot be read
     */
    public static OrganisationTrust load(String location, Path policyJar, List<Path> auditorKeys) throws PolicyException {
        if (location == null || location.isBlank()) {
            throw new PolicyException("no organisation policy given (root24.policy: classpath:path with root24.policyArtifact, or a file)");
        }
        boolean classpath = location.startsWith(PolicyLoader.CLASSPATH_PREFIX);
        if (classpath && policyJar == null) {
            throw new PolicyException("policy " + location + " is a classpath resource: give the jar that holds it"
                    + " (root24.policyArtifact=groupId:artifactId:version)");
        }
        try (URLClassLoader jar = new URLClassLoader(policyJar == null ? new URL[0] : new URL[] {policyJar.toUri().toURL()},
                null)) {
            EffectivePolicy policy;
            if (classpath) {
                policy = new PolicyLoader(RepositoryRoot.of(Path.of("").toAbsolutePath()), jar).load(location, InlineSettings.none());
            } else {
                Path file = Path.of(location).toAbsolutePath().normalize();
                if (!Files.isRegularFile(file)) {
                    throw new PolicyException(location + ": no such policy file");
                }
                policy = new PolicyLoader(RepositoryRoot.of(file.getParent()), jar).load(file.getFileName().toString(),
                        InlineSettings.none());
            }
            List<TrustedKey> keys = new ArrayList<>();
            List<String> named = policy.document().worm() == null || policy.document().worm().trustedKeys() == null ? List.of()
                    : policy.document().worm().trustedKeys();
            for (int i = 0; i < named.size(); i++) {
                String entry = named.get(i).strip();
                String what = "worm.trustedKeys[" + i + "] of " + location;
                try {
                    if (entry.startsWith("-----BEGIN")) {
                        keys.addAll(PemKeys.parsePublicKeys(entry, what));
                    } else if (entry.startsWith(PolicyLoader.CLASSPATH_PREFIX)) {
                        keys.addAll(PemKeys.parsePublicKeys(WormSettings.resource(jar, entry, what), entry));
                    } else if (!classpath) {
                        // The auditor's own policy file may name key files beside it.
                        keys.addAll(PemKeys.readPublicKeys(Path.of(location).toAbsolutePath().getParent().resolve(entry)));
                    }
                } catch (WormException e) {
                    throw new PolicyException(e.getMessage());
                }
            }
            for (Path file : auditorKeys) {
                try {
                    keys.addAll(PemKeys.readPublicKeys(file));
                } catch (WormException e) {
                    throw new PolicyException(e.getMessage());
                }
            }
            return new OrganisationTrust(policy, keys);
        } catch (IOException e) {
            throw new PolicyException(policyJar + ": cannot be opened (" + e.getClass().getSimpleName() + ")");
        }
    }
}
