package dev.root24.worm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code tlog-checkpoint}: origin line, tree size, base64 RFC 6962 root hash, each line
 * ending in LF, followed (when signed) by an empty line and C2SP {@code signed-note} signature
 * lines {@code — <key name> <base64(key hash[4] || signature)>}. The signature covers the body
 * (the three lines, with their newlines).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<NoteSignature> signatures) {

    private static final String EM_DASH = "\u2014";

    /** One signed-note signature line. */
    public record NoteSignature(String keyName, byte[] keyHash, byte[] signature) {
    }

    public Checkpoint {
        signatures = List.copyOf(signatures);
        rootHash = rootHash.clone();
    }

    static Checkpoint sign(String origin, long size, byte[] rootHash, Signer signer) {
        Checkpoint unsigned = new Checkpoint(origin, size, rootHash, List.of());
        byte[] body = unsigned.body().getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> signatures = new ArrayList<>();
        for (SigningKey key : signer.keys()) {
            TrustedKey pub = key.trusted();
            signatures.add(new NoteSignature(pub.noteName(), pub.noteKeyHash(), key.sign(body)));
        }
        return new Checkpoint(origin, size, rootHash, signatures);
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public String text() {
        if (signatures.isEmpty()) {
            return body();
        }
        StringBuilder out = new StringBuilder(body()).append('\n');
        for (NoteSignature s : signatures) {
            byte[] blob = new byte[s.keyHash().length + s.signature().length];
            System.arraycopy(s.keyHash(), 0, blob, 0, s.keyHash().length);
            System.arraycopy(s.signature(), 0, blob, s.keyHash().length, s.signature().length);
            out.append(EM_DASH).append(' ').append(s.keyName()).append(' ')
                    .append(Base64.getEncoder().encodeToString(blob)).append('\n');
        }
        return out.toString();
    }

    /** Whether a signature line by {@code key} verifies over the body. */
    public boolean signedBy(TrustedKey key) {
        byte[] body = body().getBytes(StandardCharsets.UTF_8);
        for (NoteSignature s : signatures) {
            if (s.keyName().equals(key.noteName()) && Arrays.equals(s.keyHash(), key.noteKeyHash())
                    && key.verify(body, s.signature())) {
                return true;
            }
        }
        return false;
    }

    /** A checkpoint is three short lines and a few signatures; anything larger is not one. */
    public static final int MAX_BYTES = 64 * 1024;

    /**
     * Parses checkpoint bytes (UTF-8, at most {@link #MAX_BYTES}); {@code source} names them in
     * the one-line error, which never quotes the content.
     */
    public static Checkpoint parse(byte[] bytes, String source) throws WormException {
        if (bytes.length > MAX_BYTES) {
            throw new WormException(source + ": larger than 64 KiB, not a checkpoint");
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString(), source);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new WormException(source + ": not a checkpoint (not UTF-8 text)");
        }
    }

    /** Parses checkpoint text; {@code source} names it in the one-line error, which never quotes the text. */
    public static Checkpoint parse(String text, String source) throws WormException {
        int split = text.indexOf("\n\n");
        String body = split >= 0 ? text.substring(0, split + 1) : text;
        String sigs = split >= 0 ? text.substring(split + 2) : "";
        if (!body.endsWith("\n")) {
            throw new WormException(source + ": checkpoint does not end with a newline (truncated?)");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new WormException(source + ": checkpoint needs origin, size and root hash lines");
        }
        if (lines.length > 3) {
            // tlog-checkpoint allows extension lines; this store writes none and accepts none it cannot judge.
            throw new WormException(source + ": checkpoint has unexpected extension lines");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
            if (size < 0 || !lines[1].equals(Long.toString(size))) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new WormException(source + ":2: tree size is not a decimal number (not a checkpoint?)");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new WormException(source + ":3: root hash is not base64");
        }
        if (root.length != 32) {
            throw new WormException(source + ":3: root hash is not 32 bytes");
        }
        // The signature covers the body as re-encoded; unused padding bits would let two texts share it.
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new WormException(source + ":3: root hash is not in canonical base64");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int lineNo = 5;
        for (String line : sigs.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[0].equals(EM_DASH)) {
                throw new WormException(source + ":" + lineNo + ": not a signed-note signature line");
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new WormException(source + ":" + lineNo + ": signature is not base64");
            }
            if (!Base64.getEncoder().encodeToString(blob).equals(parts[2])) {
                throw new WormException(source + ":" + lineNo + ": signature is not in canonical base64");
            }
            if (blob.length < 5) {
                throw new WormException(source + ":" + lineNo + ": signature too short");
            }
            signatures.add(new NoteSignature(parts[1], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length)));
            lineNo++;
        }
        return new Checkpoint(lines[0], size, root, signatures);
    }
}
