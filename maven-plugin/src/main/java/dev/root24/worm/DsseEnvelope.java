package dev.root24.worm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DSSE envelope (secure-systems-lab/dsse v1.0): the payload, its type, and signatures over the
 * pre-authentication encoding {@link #pae}. Serialised as RFC 8785 canonical JSON with standard
 * padded base64, so one envelope has exactly one byte form and a flipped byte cannot go unseen.
 */
public record DsseEnvelope(String payloadType, byte[] payload, List<Signature> signatures) {

    public static final String IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";

    /** One DSSE signature: the key id and the raw signature bytes. */
    public record Signature(String keyid, byte[] sig) {
    }

    public DsseEnvelope {
        signatures = List.copyOf(signatures);
    }

    /**
     * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths being the decimal
     * number of UTF-8 bytes (not characters).
     */
    public static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] middle = (" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + type.length + middle.length + payload.length];
        int at = 0;
        System.arraycopy(head, 0, out, at, head.length);
        at += head.length;
        System.arraycopy(type, 0, out, at, type.length);
        at += type.length;
        System.arraycopy(middle, 0, out, at, middle.length);
        at += middle.length;
        System.arraycopy(payload, 0, out, at, payload.length);
        return out;
    }

    public byte[] pae() {
        return pae(payloadType, payload);
    }

    /** Signs the PAE with every key of {@code signer}. */
    public static DsseEnvelope sign(String payloadType, byte[] payload, Signer signer) {
        byte[] message = pae(payloadType, payload);
        List<Signature> signatures = new ArrayList<>();
        for (SigningKey key : signer.keys()) {
            signatures.add(new Signature(key.keyId(), key.sign(message)));
        }
        return new DsseEnvelope(payloadType, payload, signatures);
    }

    public byte[] toJson() {
        ObjectNode root = CanonicalJson.MAPPER.createObjectNode();
        root.put("payloadType", payloadType);
        root.put("payload", Base64.getEncoder().encodeToString(payload));
        ArrayNode sigs = root.putArray("signatures");
        for (Signature s : signatures) {
            sigs.addObject().put("keyid", s.keyid()).put("sig", Base64.getEncoder().encodeToString(s.sig()));
        }
        return CanonicalJson.canonicalize(root);
    }

    /**
     * Parses an envelope, accepting only the exact members DSSE defines; throws
     * {@link IllegalArgumentException} with a one-line reason.
     */
    public static DsseEnvelope parse(byte[] json) {
        JsonNode root = CanonicalJson.parse(json);
        requireMembers(root, Set.of("payloadType", "payload", "signatures"), "envelope");
        String type = text(root, "payloadType");
        byte[] payload = base64(text(root, "payload"), "payload");
        JsonNode sigs = root.get("signatures");
        if (!sigs.isArray()) {
            throw new CanonicalJson.ShapeProblem("envelope member 'signatures' is not an array");
        }
        List<Signature> signatures = new ArrayList<>();
        for (JsonNode s : sigs) {
            requireMembers(s, Set.of("keyid", "sig"), "signature");
            signatures.add(new Signature(text(s, "keyid"), base64(text(s, "sig"), "sig")));
        }
        return new DsseEnvelope(type, payload, signatures);
    }

    private static void requireMembers(JsonNode node, Set<String> names, String what) {
        if (!node.isObject() || !node.propertyNames().equals(names)) {
            throw new CanonicalJson.ShapeProblem(what + " must be an object with exactly " + names);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString()) {
            throw new CanonicalJson.ShapeProblem("member '" + name + "' is not a string");
        }
        return value.stringValue();
    }

    private static byte[] base64(String text, String name) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CanonicalJson.ShapeProblem("member '" + name + "' is not valid base64");
        }
    }
}
