package dev.root24.worm;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verifier's verdict as a SLSA Verification Summary Attestation (VSA v1) statement, so that a
 * consumer who knows VSA reads it without knowing root24: {@code verificationResult},
 * {@code verifiedLevels} such as {@code ROOT24_GOLD}, and the policy by URI and digest.
 */
public final class VerificationSummary {

    public static final String PREDICATE_TYPE = "https://slsa.dev/verification_summary/v1";
    public static final String VERIFIER_ID = "https://root24.dev/verify-certification";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private VerificationSummary() {
    }

    /**
     * @param verdict what the verifier decided
     * @param resourceUri what was certified, e.g. {@code pkg:maven/com.acme/payments@1.4.0} or a file URI
     * @param certificationSha256 SHA-256 of the certification's envelope bytes
     * @param policyUri the organisation's policy, e.g. {@code classpath:root24/acme-policy.yaml} in its artifact
     * @param policySha256 SHA-256 of the policy file's bytes
     * @param verifierVersion this plugin's version
     */
    public static byte[] statement(CertificationVerifier.Verdict verdict, String resourceUri, String certificationSha256,
            String policyUri, String policySha256, String verifierVersion, Instant verifiedAt) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("_type", EntryStatement.STATEMENT_TYPE);
        ObjectNode subject = root.putArray("subject").addObject();
        subject.put("name", verdict.project() == null ? resourceUri : verdict.project());
        subject.putObject("digest").put("sha256", certificationSha256);
        root.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = root.putObject("predicate");
        ObjectNode verifier = predicate.putObject("verifier");
        verifier.put("id", VERIFIER_ID);
        verifier.putObject("version").put("root24-maven-plugin", verifierVersion);
        predicate.put("timeVerified", DateTimeFormatter.ISO_INSTANT.format(verifiedAt.atOffset(ZoneOffset.UTC)));
        predicate.put("resourceUri", resourceUri);
        ObjectNode policy = predicate.putObject("policy");
        policy.put("uri", policyUri);
        policy.putObject("digest").put("sha256", policySha256);
        ObjectNode input = predicate.putArray("inputAttestations").addObject();
        input.put("uri", resourceUri);
        input.putObject("digest").put("sha256", certificationSha256);
        predicate.put("verificationResult", verdict.accepted() ? "PASSED" : "FAILED");
        ArrayNode levels = predicate.putArray("verifiedLevels");
        if (verdict.accepted() && verdict.tier() != null) {
            levels.add("ROOT24_" + verdict.tier());
        }
        return (MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
