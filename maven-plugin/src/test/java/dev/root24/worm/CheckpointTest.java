package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final byte[] ROOT = new MerkleTree().root();

    @Test
    void textIsTheC2spFormWithSignedNoteLines() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519, SignatureAlgorithm.ML_DSA_44);
        Checkpoint c = Checkpoint.sign("root24.dev/worm/x", 0, ROOT, signer);

        String text = c.text();
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("root24.dev/worm/x");
        assertThat(lines[1]).isEqualTo("0");
        assertThat(lines[2]).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 root24-ed25519-");
        assertThat(lines[5]).startsWith("\u2014 root24-ml-dsa-44-");

        Checkpoint back = Checkpoint.parse(text, "cp");
        assertThat(back.text()).isEqualTo(text);
        for (SigningKey key : signer.keys()) {
            assertThat(back.signedBy(key.trusted())).isTrue();
        }
        assertThat(back.signedBy(Chains.generate(SignatureAlgorithm.ED25519).trusted())).isFalse();
    }

    @Test
    void changedBodyNoLongerVerifies() throws Exception {
        Signer signer = Chains.signer(SignatureAlgorithm.ED25519);
        String text = Checkpoint.sign("o", 5, ROOT, signer).text().replaceFirst("\n5\n", "\n6\n");

        assertThat(Checkpoint.parse(text, "cp").signedBy(signer.keys().get(0).trusted())).isFalse();
    }

    @Test
    void ed25519KeyHashFollowsSignedNote() {
        TrustedKey key = Chains.generate(SignatureAlgorithm.ED25519).trusted();
        byte[] spki = key.publicKey().getEncoded();
        byte[] raw = java.util.Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        byte[] name = key.noteName().getBytes();
        byte[] input = new byte[name.length + 2 + 32];
        System.arraycopy(name, 0, input, 0, name.length);
        input[name.length] = '\n';
        input[name.length + 1] = 0x01;
        System.arraycopy(raw, 0, input, name.length + 2, 32);

        assertThat(key.noteKeyHash()).isEqualTo(java.util.Arrays.copyOf(DigestAlgorithm.SHA_256.digest(input), 4));
    }

    @Test
    void malformedCheckpointsAreOneLineErrorsWithTheLine() {
        assertThatThrownBy(() -> Checkpoint.parse("o\nx\nAAAA\n", "cp")).isInstanceOf(WormException.class)
                .hasMessage("cp:2: tree size is not a decimal number (not a checkpoint?)");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\nAAAA\n", "cp")).hasMessage("cp:3: root hash is not 32 bytes");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\n", "cp")).hasMessageContaining("origin, size and root hash");
    }

    @Test
    void rootHashWithNonZeroPaddingBitsIsRejectedNotReEncoded() throws Exception {
        String canonical = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(canonical).endsWith("AA=");
        // 'B' sets one of the two unused bits: a lenient decoder gives the same 32 bytes.
        String sloppy = canonical.substring(0, canonical.length() - 2) + "B=";
        assertThat(Base64.getDecoder().decode(sloppy)).isEqualTo(new byte[32]);
        assertThat(Checkpoint.parse("o\n1\n" + canonical + "\n", "cp").size()).isEqualTo(1);
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + sloppy + "\n", "cp"))
                .hasMessage("cp:3: root hash is not in canonical base64");
    }

    @Test
    void aCheckpointLargerThan64KiBIsNotParsed() {
        byte[] big = new byte[Checkpoint.MAX_BYTES + 1];
        assertThatThrownBy(() -> Checkpoint.parse(big, "cp")).hasMessage("cp: larger than 64 KiB, not a checkpoint");
    }
}
