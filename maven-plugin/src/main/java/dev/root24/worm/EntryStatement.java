package dev.root24.worm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The in-toto Statement v1 an entry's envelope carries: subjects (the repository at its git
 * commit, and {@code report.json}), predicate type {@value #PREDICATE_TYPE}, and a predicate with
 * the certification and the chain fields. Serialised as RFC 8785 canonical JSON: those bytes are
 * the DSSE payload, what {@code prev} and the Merkle tree hash.
 */
public final class EntryStatement {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://root24.dev/certification/v1";

    /** {@code 2026-11-25T14:31:30.123456Z}: fixed width, so text order is time order. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EntryStatement() {
    }

    static byte[] payload(CertificationRecord record, ChainFields chain) {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("_type", STATEMENT_TYPE);
        ArrayNode subjects = root.putArray("subject");
        if (record.gitCommit() != null) {
            ObjectNode repo = subjects.addObject();
            repo.put("name", record.subjectName());
            repo.putObject("digest").put("gitCommit", record.gitCommit());
        }
        ObjectNode report = subjects.addObject();
        report.put("name", "report.json");
        report.putObject("digest").put("sha512", chain.sha512()).put("blake2b256", chain.blake2b());
        root.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = root.putObject("predicate");
        ObjectNode cert = predicate.putObject("certification");
        cert.put("subject", record.subjectName());
        cert.put("overallScore", record.overallScore());
        cert.put("tier", record.tier());
        ObjectNode phases = cert.putObject("phaseScores");
        for (Map.Entry<String, Integer> phase : record.phaseScores().entrySet()) {
            phases.put(phase.getKey(), phase.getValue());
        }
        cert.put("policyDigest", record.policyDigest());
        cert.put("verifierVersion", record.verifierVersion());
        if (record.claims() != null) {
            cert.setAll((ObjectNode) CanonicalJson.MAPPER.valueToTree(record.claims()));
        }
        ObjectNode c = predicate.putObject("chain");
        c.put("index", chain.index());
        c.put("timestamp", TIMESTAMP.format(chain.timestamp()));
        c.put("prev", chain.prev());
        c.put("uuid", chain.uuid());
        c.put("sha512", chain.sha512());
        c.put("blake2b", chain.blake2b());
        ObjectNode signing = c.putObject("signing");
        signing.put("status", chain.signers().isEmpty() ? "unsigned" : "signed");
        ArrayNode signers = signing.putArray("signers");
        for (ChainFields.DeclaredSigner s : chain.signers()) {
            signers.addObject().put("algorithm", s.algorithm().displayName()).put("keyid", s.keyid());
        }
        return CanonicalJson.canonicalize(root);
    }

    /** Reads the chain fields back; {@link IllegalArgumentException} with a one-line reason. */
    static ChainFields chainFields(byte[] payload) {
        return chainFields(CanonicalJson.parse(payload));
    }

    /** {@link #chainFields(byte[])} of a payload already parsed. */
    static ChainFields chainFields(JsonNode root) {
        if (!STATEMENT_TYPE.equals(root.path("_type").stringValue(null))) {
            throw new CanonicalJson.ShapeProblem("payload is not an in-toto Statement v1");
        }
        if (!PREDICATE_TYPE.equals(root.path("predicateType").stringValue(null))) {
            throw new CanonicalJson.ShapeProblem("predicateType is not " + PREDICATE_TYPE);
        }
        JsonNode c = root.path("predicate").path("chain");
        if (!c.isObject()) {
            throw new CanonicalJson.ShapeProblem("predicate has no 'chain' object");
        }
        JsonNode index = c.path("index");
        if (!index.canConvertToExactIntegral() || !index.isIntegralNumber() || index.longValue() < 0) {
            throw new CanonicalJson.ShapeProblem("chain.index is not a non-negative integer");
        }
        Instant timestamp;
        try {
            timestamp = Instant.from(TIMESTAMP.parse(string(c, "timestamp")));
        } catch (DateTimeParseException e) {
            throw new CanonicalJson.ShapeProblem("chain.timestamp is not yyyy-MM-ddTHH:mm:ss.ffffffZ");
        }
        JsonNode signing = c.path("signing");
        String status = string(signing, "status");
        List<ChainFields.DeclaredSigner> signers = new ArrayList<>();
        for (JsonNode s : signing.path("signers")) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.exact(string(s, "algorithm"));
            if (algorithm == null) {
                // Not case-folded or aliased: the signed bytes have one spelling per algorithm.
                throw new CanonicalJson.ShapeProblem("chain.signing: a signer's algorithm is not exactly 'ML-DSA-44' or 'Ed25519'");
            }
            signers.add(new ChainFields.DeclaredSigner(algorithm, string(s, "keyid")));
        }
        if (status.equals("unsigned") != signers.isEmpty() || !(status.equals("unsigned") || status.equals("signed"))) {
            throw new CanonicalJson.ShapeProblem("chain.signing.status is not 'signed' or 'unsigned' as its signers say");
        }
        return new ChainFields(index.longValue(), timestamp, string(c, "prev"), string(c, "uuid"),
                string(c, "sha512"), string(c, "blake2b"), signers);
    }

    private static String string(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (!value.isString()) {
            throw new CanonicalJson.ShapeProblem("chain." + name + " is missing or not a string");
        }
        return value.stringValue();
    }
}
