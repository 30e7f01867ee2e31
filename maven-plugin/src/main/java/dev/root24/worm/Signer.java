package dev.root24.worm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys an append signs with: one per configured algorithm, or none ({@link #unsigned()}),
 * in which case entries are hash-chained and say {@code unsigned}; nothing pretends to sign.
 */
public final class Signer {
    private final List<SigningKey> keys;

    private Signer(List<SigningKey> keys) {
        this.keys = List.copyOf(keys);
    }

    public static Signer unsigned() {
        return new Signer(List.of());
    }

    /**
     * Picks one key per requested algorithm from {@code available} ({@code source} names where
     * they came from, for messages). With no algorithms requested, every available key signs.
     */
    public static Signer of(List<SigningKey> available, List<SignatureAlgorithm> requested, String source)
            throws WormException {
        Map<SignatureAlgorithm, SigningKey> byAlgorithm = new EnumMap<>(SignatureAlgorithm.class);
        for (SigningKey key : available) {
            if (byAlgorithm.putIfAbsent(key.algorithm(), key) != null) {
                throw new WormException(source + ": holds more than one " + key.algorithm().displayName()
                        + " private key; give exactly one per algorithm");
            }
        }
        if (requested.isEmpty()) {
            return new Signer(new ArrayList<>(byAlgorithm.values()));
        }
        List<SigningKey> chosen = new ArrayList<>();
        for (SignatureAlgorithm algorithm : requested) {
            SigningKey key = byAlgorithm.get(algorithm);
            if (key == null) {
                String held = byAlgorithm.keySet().stream().map(SignatureAlgorithm::displayName)
                        .collect(Collectors.joining(", "));
                throw new WormException(source + ": signatureAlgorithms requires " + algorithm.displayName()
                        + " but the key source holds " + (held.isEmpty() ? "no usable key" : "only " + held));
            }
            chosen.add(key);
        }
        return new Signer(chosen);
    }

    /**
     * The signer a build is configured with: keys from {@code keyFile} when given, else from the
     * {@value PemKeys#SIGNING_KEY_ENV} environment variable, else unsigned. Requesting algorithms
     * without any key is an error, so a build that is meant to sign never silently writes unsigned
     * entries.
     */
    public static Signer configured(Optional<Path> keyFile, Map<String, String> environment,
            List<SignatureAlgorithm> requested) throws WormException {
        List<SigningKey> keys = PemKeys.loadSigningKeys(keyFile, environment);
        String source = keyFile.map(Path::toString).orElse("environment variable " + PemKeys.SIGNING_KEY_ENV);
        if (keys.isEmpty()) {
            if (!requested.isEmpty()) {
                throw new WormException("signatureAlgorithms requires " + requested.stream()
                        .map(SignatureAlgorithm::displayName).collect(Collectors.joining(", "))
                        + " but no signing key is configured (set signingKey or " + PemKeys.SIGNING_KEY_ENV + ")");
            }
            return unsigned();
        }
        return of(keys, requested, source);
    }

    public boolean isSigned() {
        return !keys.isEmpty();
    }

    public List<SigningKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return keys.isEmpty() ? "unsigned" : keys.toString();
    }
}
