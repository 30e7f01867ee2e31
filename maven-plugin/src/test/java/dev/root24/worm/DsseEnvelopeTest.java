package dev.root24.worm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DsseEnvelopeTest {

    @Test
    void paeMatchesTheDsseSpecificationExample() {
        byte[] pae = DsseEnvelope.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8))
                .isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    }

    @Test
    void paeCountsBytesNotCharacters() {
        byte[] pae = DsseEnvelope.pae("t\u00e9", "\u20ac".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 3 t\u00e9 3 \u20ac");
    }

    @Test
    void signedEnvelopeRoundTripsAndVerifiesWithBothAlgorithms() {
        Signer signer = Chains.signer(SignatureAlgorithm.ML_DSA_44, SignatureAlgorithm.ED25519);
        DsseEnvelope envelope = DsseEnvelope.sign(DsseEnvelope.IN_TOTO_PAYLOAD_TYPE, "{}".getBytes(), signer);

        DsseEnvelope back = DsseEnvelope.parse(envelope.toJson());

        assertThat(back.toJson()).isEqualTo(envelope.toJson());
        assertThat(back.signatures()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            TrustedKey key = signer.keys().get(i).trusted();
            assertThat(back.signatures().get(i).keyid()).isEqualTo(key.keyId());
            assertThat(key.verify(back.pae(), back.signatures().get(i).sig())).isTrue();
            assertThat(key.verify(DsseEnvelope.pae("other", "{}".getBytes()), back.signatures().get(i).sig())).isFalse();
        }
    }

    @Test
    void mlDsaSignaturesAreHedged() {
        Signer signer = Chains.signer(SignatureAlgorithm.ML_DSA_44);
        byte[] a = DsseEnvelope.sign("t", "x".getBytes(), signer).signatures().get(0).sig();
        byte[] b = DsseEnvelope.sign("t", "x".getBytes(), signer).signatures().get(0).sig();
        assertThat(a).hasSize(2420).isNotEqualTo(b);
    }

    @Test
    void extraMembersAreRejected() {
        assertThatThrownBy(() -> DsseEnvelope.parse("{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[],\"x\":1}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly");
    }
}
