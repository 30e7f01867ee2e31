package dev.root24.worm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.root24.policy.PolicyLock;
import dev.root24.policy.PolicyOverride;
import dev.root24.score.Tier;
import tools.jackson.databind.JsonNode;

/**
 * The organisation's last word on one signed certification, in the manner of {@code witness
 * verify} and a SLSA verification summary: the build that made it is the certified team's, so
 * nothing in it is believed unless the organisation's keys signed it, it was made under the
 * organisation's policy, it changed nothing the policy locks, and it is recent and good enough.
 * Every reason to reject is collected; none stops the others from being checked.
 */
public final class CertificationVerifier {

    /**
     * What the organisation requires.
     *
     * @param keys the organisation's public keys: a signature by one of them is required
     * @param algorithms signatures that must each be present and valid (empty: any one suffices)
     * @param policySha256 SHA-256 of the organisation's policy file: the certification's base policy must be it
     * @param locked the keys the organisation's policy locks
     * @param requiredTier the lowest tier accepted
     * @param maxAge the oldest certification accepted, or null for any age
     * @param allowDirty whether a certification of a work tree with uncommitted changes is accepted
     */
    public record Requirements(List<TrustedKey> keys, Set<SignatureAlgorithm> algorithms, String policySha256,
            List<String> locked, Tier requiredTier, Duration maxAge, boolean allowDirty) {
        public Requirements {
            keys = List.copyOf(keys);
            algorithms = algorithms.isEmpty() ? Set.of() : Set.copyOf(algorithms);
            locked = List.copyOf(locked);
        }
    }

    /**
     * @param accepted whether no reason to reject was found
     * @param reasons every reason to reject, in the order checked
     * @param project the certified {@code groupId:artifactId:version}, or the subject, or null when unreadable
     * @param tier the claimed tier, or null
     * @param score the claimed overall score, or -1
     * @param timestamp when it was made, or null
     * @param signers key ids whose signatures verified
     */
    public record Verdict(boolean accepted, List<String> reasons, String project, String tier, int score, Instant timestamp,
            List<String> signers) {
        public Verdict {
            reasons = List.copyOf(reasons);
            signers = List.copyOf(signers);
        }

        /**
         * This verdict, rejected as well unless it certifies {@code coordinates}: a team deploys its
         * attachments itself, and could attach another project's GOLD certification as its own.
         */
        public Verdict requireProject(String coordinates) {
            if (coordinates.equals(project)) {
                return this;
            }
            List<String> more = new ArrayList<>(reasons);
            more.add("it certifies " + (project == null ? "no project" : project) + ", not " + coordinates);
            return new Verdict(false, more, project, tier, score, timestamp, signers);
        }
    }

    private final Requirements requirements;
    private final Clock clock;

    public CertificationVerifier(Requirements requirements, Clock clock) {
        this.requirements = requirements;
        this.clock = clock;
    }

    /** Judges one envelope, as written by {@code root24:certify}. */
    public Verdict verify(byte[] envelopeBytes) {
        List<String> reasons = new ArrayList<>();
        DsseEnvelope envelope;
        ChainFields chain;
        JsonNode statement;
        try {
            envelope = DsseEnvelope.parse(envelopeBytes);
            statement = CanonicalJson.parse(envelope.payload());
        } catch (RuntimeException e) {
            // A parser's message quotes the bytes it saw, which may be a secret: say only what it is not.
            return new Verdict(false, List.of("not a root24 certification: not a DSSE envelope carrying JSON"),
                    null, null, -1, null, List.of());
        }
        try {
            chain = EntryStatement.chainFields(envelope.payload());
        } catch (IllegalArgumentException e) {
            return new Verdict(false, List.of("not a root24 certification: " + CanonicalJson.describe(e, "in-toto Statement")),
                    null, null, -1, null, List.of());
        }
        if (!DsseEnvelope.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            reasons.add("payloadType is not " + DsseEnvelope.IN_TOTO_PAYLOAD_TYPE);
        }
        List<String> signers = signatures(envelope, chain, reasons);
        JsonNode cert = statement.path("predicate").path("certification");
        String project = cert.path("project").isString() ? cert.path("project").stringValue() : cert.path("subject").asString(null);
        String tier = cert.path("tier").asString(null);
        int score = cert.path("overallScore").canConvertToInt() ? cert.path("overallScore").intValue() : -1;
        JsonNode policy = cert.path("policy");
        String base = policy.path("baseSha256").asString(null);
        if (base == null) {
            reasons.add("it names no base policy: it was not made under the organisation's policy");
        } else if (!base.equalsIgnoreCase(requirements.policySha256())) {
            reasons.add("its base policy has sha256 " + base + ", not the organisation's " + requirements.policySha256()
                    + " (" + policy.path("location").asString("?") + ", " + policy.path("artifact").asString("no artifact") + ")");
        }
        for (JsonNode override : cert.path("overrides")) {
            String key = override.path("key").asString("");
            String locking = requirements.locked().stream().filter(l -> key.equals(l) || key.startsWith(l + ".")
                    || key.startsWith(l + "[")).findFirst().orElse(null);
            if (locking != null && !allowedUnderLock(key, override)) {
                reasons.add("it overrides " + key + ", which the organisation locks (" + locking + "), by "
                        + override.path("source").asString("an unknown source"));
            }
        }
        Tier claimed = java.util.Arrays.stream(Tier.values()).filter(t -> t.name().equals(tier)).findFirst().orElse(null);
        if (claimed == null) {
            reasons.add("it claims no tier");
        } else if (claimed.compareTo(requirements.requiredTier()) < 0) {
            reasons.add("its tier " + tier + " (" + score + "/100) is below the required " + requirements.requiredTier());
        }
        if (requirements.maxAge() != null) {
            Duration age = Duration.between(chain.timestamp(), clock.instant());
            if (age.compareTo(requirements.maxAge()) > 0) {
                reasons.add("it is " + age.toDays() + " days old, older than the maximum " + requirements.maxAge().toDays()
                        + " days (made " + EntryStatement.TIMESTAMP.format(chain.timestamp()) + ")");
            }
        }
        if (!requirements.allowDirty() && cert.path("gitDirty").isBoolean() && cert.path("gitDirty").booleanValue()) {
            reasons.add("it certifies a work tree with uncommitted changes, which no one can reproduce");
        }
        return new Verdict(reasons.isEmpty(), reasons, project, tier, score, chain.timestamp(), signers);
    }

    /** The same allowance the build applies under a lock: a stricter gate, or an added item that carries no points. */
    private static boolean allowedUnderLock(String key, JsonNode override) {
        String before = override.path("policyValue").asString("");
        return PolicyOverride.isUnscoredAddition(key, before)
                || PolicyLock.isStricter(key, recorded(before), recorded(override.path("effectiveValue").asString("")));
    }

    /** A value as the statement records it (compact JSON), or null for "(not set)" and the like. */
    private static JsonNode recorded(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<String> signatures(DsseEnvelope envelope, ChainFields chain, List<String> reasons) {
        List<String> verified = new ArrayList<>();
        if (envelope.signatures().isEmpty()) {
            reasons.add("it is unsigned");
            return verified;
        }
        byte[] pae = envelope.pae();
        EnumSet<SignatureAlgorithm> algorithms = EnumSet.noneOf(SignatureAlgorithm.class);
        for (DsseEnvelope.Signature signature : envelope.signatures()) {
            TrustedKey key = requirements.keys().stream().filter(k -> k.keyId().equals(signature.keyid())).findFirst().orElse(null);
            if (key == null) {
                continue;
            }
            if (key.verify(pae, signature.sig())) {
                verified.add(key.keyId());
                algorithms.add(key.algorithm());
            } else {
                reasons.add("the " + key + " signature does not verify: the statement was altered or the signature forged");
            }
        }
        boolean declaredMatches = chain.signers().stream().allMatch(s -> envelope.signatures().stream()
                .anyMatch(p -> p.keyid().equals(s.keyid())));
        if (!declaredMatches || chain.signers().size() != envelope.signatures().size()) {
            reasons.add("the signatures do not match the signers the statement declares (stripped or added)");
        }
        if (verified.isEmpty()) {
            reasons.add("no signature by an organisation key (signed by " + String.join(", ",
                    envelope.signatures().stream().map(s -> s.keyid().substring(0, Math.min(16, s.keyid().length()))).toList())
                    + "): a key of the team's own proves nothing");
        }
        for (SignatureAlgorithm required : requirements.algorithms()) {
            if (!algorithms.contains(required)) {
                reasons.add("no valid " + required.displayName() + " signature by an organisation key, which is required");
            }
        }
        return verified;
    }
}
